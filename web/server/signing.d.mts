export const MAX_SKEW_MS: number;
export function hmac(secret: string, message: string): string;
export function safeEqual(a: string, b: string): boolean;
export function signedHeaders(secret: string, message: string, now?: number): Record<string, string>;
export function verifySignature(
  secret: string | undefined,
  request: { timestamp?: string | null; signature?: string | null; message: string; now?: number },
): string | null;
export function verifyPreviewLink(
  secret: string | undefined,
  link: { path: string; status?: string | null; expires?: string | null; signature?: string | null; now?: number },
): string | null;
