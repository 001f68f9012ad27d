/** Files larger than this are refused: a policy is at most a few hundred kilobytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The text of a dropped or opened file, or an error that says why not. */
export async function readFileText(file: File): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, message: `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; a policy file is much smaller. Choose the policy's .json file.` };
  }
  try {
    return { ok: true, text: await file.text() };
  } catch (error) {
    return { ok: false, message: `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
