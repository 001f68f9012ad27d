/** The IAM policy evaluator: compile a policy set once, evaluate requests against it. */
export { compile, compilePolicy } from './compile';
export type { CompiledPolicy, CompiledPolicySet } from './compile';
export { evaluate, evaluateCompiled } from './evaluate';
export { conditionKeyType, isMultivalued } from './keys';
export { readBinary, readBool, readDate, readIp, readNumber, splitArn } from './values';
export type * from './types';
