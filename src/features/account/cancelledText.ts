/**
 * What to tell the user after they cancelled a call to the account. The page stops waiting at
 * once and the server aborts its IAM call, but a request IAM had already received may still be
 * carried out: the message says so, says that the lists are read again, and says whether doing
 * it again is safe. Nothing here calls the server.
 */

export type CancelledCall =
  | { readonly op: 'createPolicy'; readonly name: string }
  | { readonly op: 'attachPolicy'; readonly name: string }
  | { readonly op: 'createRole'; readonly name: string }
  | { readonly op: 'attachToRole'; readonly name: string }
  | { readonly op: 'savePolicyVersion'; readonly name: string }
  | { readonly op: 'createPolicySet'; readonly name: string };

export interface CancelledText {
  readonly title: string;
  readonly message: string;
  readonly next: string;
}

const MAY_HAVE_REACHED = 'If the request had already reached IAM, IAM may still carry it out';

/** The message for a cancelled call; `name` is the policy, role or set it was about. */
export function cancelledText(call: CancelledCall): CancelledText {
  switch (call.op) {
    case 'createPolicy':
      return {
        title: 'Cancelled: creating the policy',
        message: `${MAY_HAVE_REACHED}, so ${call.name} may exist now; the account's lists are read again.`,
        next: 'Create policy again when you are ready: if IAM made it, the same policy is found and reported as created, never made twice. Everything you entered is kept.',
      };
    case 'attachPolicy':
      return {
        title: 'Cancelled: attaching the policy',
        message: `${MAY_HAVE_REACHED}, so some of the attachments of ${call.name} may have been made; the lists are read again.`,
        next: 'Attach again when you are ready: IAM never attaches a policy twice, and the targets you chose are still selected.',
      };
    case 'createRole':
      return {
        title: 'Cancelled: creating the role',
        message: `${MAY_HAVE_REACHED}, so the role ${call.name} may exist now; the lists are read again.`,
        next: 'Create role again when you are ready: if IAM made it, the same role is found and reported as created, never made twice. Everything you entered is kept.',
      };
    case 'attachToRole':
      return {
        title: 'Cancelled: attaching policies to the role',
        message: `The role ${call.name} exists. ${MAY_HAVE_REACHED}, so the attachment in progress may have been made; the lists are read again.`,
        next: 'Attach the rest when you are ready: IAM never attaches a policy twice.',
      };
    case 'savePolicyVersion':
      return {
        title: 'Cancelled: saving the new version',
        message: `${MAY_HAVE_REACHED}, so ${call.name} may have a new default version now; its versions are read again.`,
        next: 'Before saving again, look at the changes against the default version: if there are none, the draft was saved. The draft is kept.',
      };
    case 'createPolicySet':
      return {
        title: 'Cancelled: creating the set',
        message: `What was done before is kept (see each part and target). ${MAY_HAVE_REACHED}, so the part or attachment of ${call.name} in progress may have been made; the lists are read again.`,
        next: 'Retry when you are ready: a part IAM made is found and reported as created, and IAM never attaches a policy twice.',
      };
  }
}

/** The code a per-target or per-part result carries when its call was cancelled. */
export const CANCELLED = 'Cancelled';
