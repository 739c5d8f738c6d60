'use client';

import { setNonce } from 'get-nonce';
import { z } from 'zod';

// Two libraries would otherwise trip the page's Content-Security-Policy in the browser:
// - zod probes for eval (to compile its parsers) on the first parse; without eval it validates just the same.
// - Radix's scroll lock adds a <style> element when a menu or dialog opens; it carries the nonce set here, read
//   from the document's own scripts (the policy of a document is the one it was loaded with, so a later
//   response's nonce would not do).
if (typeof document !== 'undefined') {
  z.config({ jitless: true });
  setNonce(document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '');
}

/** Mounted once by the root layout so that the settings above run in every page's bundle. */
export function ContentSecurityClient() {
  return null;
}
