/**
 * A resource type's ARN template against a policy's Resource, field by field and in linear time,
 * as Access Analyzer matches them:
 *
 * - The policy side is an IAM wildcard pattern: `*` matches any run of characters, `?` one, a
 *   policy variable `${aws:username}` any run (its value is known only at request time), and the
 *   escapes `${*}`, `${?}`, `${$}` the literal `*`, `?`, `$`.
 * - The template side is text with variables (`${BucketName}`): a variable matches one or more
 *   characters within its segment: it holds no "/" or ":" where its service's templates use that
 *   separator right after it (see separatorRules). An empty template field must be empty in the ARN;
 *   a field with a variable (Region, Account) must be present or wildcarded.
 *
 * The question answered is "could one ARN match both?": the template is a short sequence of
 * tokens, and the policy text is read once while the set of template positions it can have
 * reached is kept (a position set, O(|policy| × |template|) at worst, and it stops as soon as the
 * set is empty). No regular expression is built from either side.
 */

/** One token of a template field: a literal character, or a variable. */
export type TemplateToken =
  | { readonly kind: 'literal'; readonly char: string }
  | {
      readonly kind: 'variable';
      /** may hold "/" (object keys, names with paths, log group names) */
      readonly slash: boolean;
      /** may hold ":" */
      readonly colon: boolean;
      /** may be empty (an account AWS-owned resources leave out) */
      readonly empty: boolean;
    };

export interface TemplatePattern {
  readonly text: string;
  readonly tokens: readonly TemplateToken[];
}

/**
 * Which separators a service's variables may hold. A variable is a segment where some template of
 * its service, identical up to and including that variable, writes a separator right after it:
 * `${BucketName}` beside `${BucketName}/${ObjectName}` makes a bucket name a segment for "/" (so
 * "bucket/*" is no bucket), `table/${TableName}` beside `table/${TableName}/index/${IndexName}`
 * makes a table name one, `function:${FunctionName}` beside `function:${FunctionName}:${Alias}`
 * makes a function name one for ":". Elsewhere a variable may hold the separator: log group
 * names and IAM paths hold "/", partner event bus names ("aws.partner/...") too, and AWS's own
 * policies rely on it.
 */
export interface SeparatorRules {
  /** template texts up to and including a variable (the resource field) that "/" follows */
  readonly slashAfter: ReadonlySet<string>;
  /** the same for ":" */
  readonly colonAfter: ReadonlySet<string>;
}

/** The separator rules of a service, from the resource fields of all its ARN templates. */
export function separatorRules(resourceFields: readonly string[]): SeparatorRules {
  const slashAfter = new Set<string>();
  const colonAfter = new Set<string>();
  for (const field of resourceFields) {
    let from = 0;
    for (;;) {
      const start = field.indexOf('${', from);
      if (start < 0) break;
      const end = field.indexOf('}', start + 2);
      if (end < 0) break;
      const after = field[end + 1];
      if (after === '/') slashAfter.add(field.slice(0, end + 1));
      else if (after === ':') colonAfter.add(field.slice(0, end + 1));
      from = end + 1;
    }
  }
  return { slashAfter, colonAfter };
}

const NO_RULES: SeparatorRules = { slashAfter: new Set(), colonAfter: new Set() };

/**
 * Compiles one field of a template. `emptyVariables` lets every variable match the empty text
 * too (used for the account field of AWS-owned resources).
 */
export function compileTemplateField(
  text: string,
  emptyVariables = false,
  rules: SeparatorRules = NO_RULES,
): TemplatePattern {
  const tokens: TemplateToken[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('${', i)) {
      const end = text.indexOf('}', i + 2);
      if (end > 0) {
        const upTo = text.slice(0, end + 1);
        tokens.push({
          kind: 'variable',
          slash: !rules.slashAfter.has(upTo),
          colon: !rules.colonAfter.has(upTo),
          empty: emptyVariables,
        });
        i = end + 1;
        continue;
      }
    }
    if (text[i] === '*') {
      // A template's own "*" (backup's recovery points: "arn:${Partition}:${Vendor}:${Region}:*:...")
      // stands for any text, none included.
      tokens.push({ kind: 'variable', slash: true, colon: true, empty: true });
    } else {
      tokens.push({ kind: 'literal', char: text[i] as string });
    }
    i++;
  }
  return { text, tokens };
}

/** The kinds of policy units the matcher reads. */
const STAR = 0;
const ANY = 1;
const CHAR = 2;

/**
 * Reads a policy pattern unit by unit: calls `step(kind, char)` for each unit and stops when it
 * returns false. Linear: each "${" is resolved by one indexOf from its own position, and a
 * variable is skipped as a whole.
 */
function readPolicy(text: string, step: (kind: number, char: string) => boolean): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === '*') {
      if (!step(STAR, '')) return;
      i++;
    } else if (c === '?') {
      if (!step(ANY, '')) return;
      i++;
    } else if (c === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i + 2);
      if (end < 0) {
        // No closing brace (reported by the variable checks): the rest could be anything.
        step(STAR, '');
        return;
      }
      const content = text.slice(i + 2, end);
      if (content === '*' || content === '?' || content === '$') {
        if (!step(CHAR, content)) return;
      } else if (!step(STAR, '')) return;
      i = end + 1;
    } else {
      if (!step(CHAR, c)) return;
      i++;
    }
  }
}

function accepts(token: TemplateToken, kind: number, char: string): boolean {
  if (token.kind === 'literal') return kind === ANY || token.char === char;
  if (kind === ANY) return true;
  if (char === '/') return token.slash;
  if (char === ':') return token.colon;
  return true;
}

/**
 * Could some text match both the template field and the policy pattern? `policy` is a field of a
 * policy ARN as written (wildcards, variables and escapes included).
 */
export function templateFieldMatches(template: TemplatePattern, policy: string): boolean {
  const tokens = template.tokens;
  const n = tokens.length;
  // Fast path: a template without variables against a policy without wildcards or variables.
  if (tokens.every((token) => token.kind === 'literal') && !/[*?$]/.test(policy)) {
    return template.text === policy;
  }
  // state[k]: the policy read so far can end after template token k-1 (state[0]: before any).
  // After a star the set is "every k >= from" (upward closed), and a "?" keeps it so; while it
  // is, only `from` is kept, so runs of "*?*?…" cost O(1) per character.
  let state = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  let from = -1; // >= 0: the set is {from, ..., n}; -1: the set is `state`
  state[0] = 1;
  closeEmpty(tokens, state);
  let alive = true;
  readPolicy(policy, (kind, char) => {
    if (kind === STAR) {
      if (from >= 0) return true;
      let first = -1;
      for (let k = 0; k <= n; k++) {
        if (state[k] === 1) {
          first = k;
          break;
        }
      }
      if (first < 0) return (alive = false);
      from = first;
      return true;
    }
    if (from >= 0 && kind === ANY) {
      // next[k] = state[k-1] || (token k-1 is a variable && state[k]): upward closed again.
      const stay = from >= 1 && (tokens[from - 1] as TemplateToken).kind === 'variable';
      if (!stay) from++;
      if (from > n) return (alive = false);
      return true;
    }
    if (from >= 0) {
      state.fill(0);
      for (let k = from; k <= n; k++) state[k] = 1;
      from = -1;
    }
    next[0] = 0;
    let any = false;
    for (let k = 1; k <= n; k++) {
      const token = tokens[k - 1] as TemplateToken;
      let on = false;
      if (accepts(token, kind, char)) {
        on = state[k - 1] === 1 || (token.kind === 'variable' && state[k] === 1);
      }
      next[k] = on ? 1 : 0;
      if (on) any = true;
    }
    [state, next] = [next, state];
    if (!any) return (alive = false);
    closeEmpty(tokens, state);
    return true;
  });
  if (!alive) return false;
  return from >= 0 ? from <= n : state[n] === 1;
}

/** Variables that may be empty can be skipped: state k-1 reaches state k. */
function closeEmpty(tokens: readonly TemplateToken[], state: Uint8Array): void {
  for (let k = 1; k <= tokens.length; k++) {
    const token = tokens[k - 1] as TemplateToken;
    if (token.kind === 'variable' && token.empty && state[k - 1] === 1) state[k] = 1;
  }
}

/**
 * Splits a policy ARN into partition, service, region, account and resource, cutting at the
 * first five colons that are not inside a policy variable. Undefined when there are fewer.
 */
export function splitPolicyArn(text: string): [string, string, string, string, string] | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const cuts: number[] = [3];
  let i = 4;
  while (i < text.length && cuts.length < 5) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i + 2);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    if (c === ':') cuts.push(i);
    i++;
  }
  if (cuts.length < 5) return undefined;
  const [a, b, c, d, e] = cuts as [number, number, number, number, number];
  return [
    text.slice(a + 1, b),
    text.slice(b + 1, c),
    text.slice(c + 1, d),
    text.slice(d + 1, e),
    text.slice(e + 1),
  ];
}
