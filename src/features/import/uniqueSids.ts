import { setMember } from '../../policy/edit';
import { getMember, isJsonObject } from '../../policy/json';
import type { JsonObject, JsonValue } from '../../policy/model';

/**
 * The statements to add to a policy that already has `existing`, with every Sid that would clash
 * (an existing one, or one taken earlier in the list) renamed "Sid2", "Sid3", …: IAM requires
 * Sids to be unique within a policy. Statements without a clash are returned as they are.
 */
export function withUniqueSids(existing: readonly JsonValue[], incoming: readonly JsonObject[]): JsonObject[] {
  const taken = new Set<string>();
  for (const statement of existing) {
    const sid = isJsonObject(statement) ? getMember(statement, 'Sid') : undefined;
    if (typeof sid === 'string' && sid !== '') taken.add(sid);
  }
  return incoming.map((statement) => {
    const sid = getMember(statement, 'Sid');
    if (typeof sid !== 'string' || sid === '') return statement;
    if (!taken.has(sid)) {
      taken.add(sid);
      return statement;
    }
    let n = 2;
    while (taken.has(`${sid}${n}`)) n++;
    const renamed = `${sid}${n}`;
    taken.add(renamed);
    return setMember(statement, 'Sid', renamed);
  });
}
