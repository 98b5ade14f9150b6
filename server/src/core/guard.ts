// Inputs the core refuses to analyse, so a binary or giant file costs nothing and says why.
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface InputProblem {
  rule: string;
  message: string;
}

/** The problem of a file of `size` bytes (or characters), if it is too large: callers that read files check this before reading. */
export function sizeProblem(size: number): InputProblem | undefined {
  if (size <= MAX_FILE_BYTES) return undefined;
  return { rule: 'daemonlint/file-too-large', message: `File is ${(size / 1048576).toFixed(1)} MB; files over ${MAX_FILE_BYTES / 1048576} MB are not linted.` };
}

export function inputProblem(text: string): InputProblem | undefined {
  const tooLarge = sizeProblem(text.length);
  if (tooLarge) return tooLarge;
  if (text.includes('\u0000')) {
    return { rule: 'daemonlint/binary-file', message: 'File contains NUL bytes: it looks binary, not like a config file, and is not linted.' };
  }
  return undefined;
}
