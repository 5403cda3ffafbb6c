/**
 * Compares two strings in time that depends only on their lengths, never on where they differ,
 * so that a caller probing X-Ca-Signature cannot learn the expected value a character at a time.
 * UTF-16 code units are compared (equivalent to comparing the bytes for the ASCII Base64 text
 * of a signature, without allocating). On a length mismatch `b` is still walked in full,
 * against itself as a dummy, and the result is false.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const sameLength = a.length === b.length;
  const reference = sameLength ? a : b;
  let difference = sameLength ? 0 : 1;
  for (let i = 0; i < b.length; i++) difference |= reference.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
