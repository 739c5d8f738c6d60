// The policy proxy.ts sends with every page (a new nonce per request). The headers every response carries, and the
// policy of responses the proxy never sees (static files, uploads), are in next.config.mjs.

/**
 * The Content-Security-Policy of a document. Scripts run only with the request's nonce ('strict-dynamic' lets
 * Next's own chunk loader add more); style elements need the nonce too. Style *attributes* stay allowed: React
 * renders server-side `style` props (chart sizes, Radix positioning) as attributes, and an attribute cannot carry
 * a nonce. Development adds what React's dev tooling and hot reload need.
 */
export function documentPolicy(nonce: string, { development = false } = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** 16 random bytes, base64: unguessable and new for every request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
