/** Standard Base64 (with padding, no line breaks) over the btoa/atob that every runtime has. */

export function bytesToBase64(bytes: Uint8Array): string {
  // apply() over the whole array is fast but bounded by the engine's argument limit.
  if (bytes.length <= 4096) return btoa(String.fromCharCode.apply(null, bytes as unknown as number[]));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  }
  return btoa(binary);
}

/** Decodes standard Base64; returns undefined when the text is not valid Base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
