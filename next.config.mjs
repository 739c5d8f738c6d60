// Headers every response carries: pages, route handlers, static files, 404s. The policy here is the one of
// responses that are not documents (static files, JSON, CSV); proxy.ts replaces it on pages with a nonce policy
// (lib/security/content-security-policy.ts). HSTS belongs to the TLS proxy in front (README).
const securityHeaders = [
  { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  {
    key: 'Permissions-Policy',
    value:
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=(), accelerometer=(), gyroscope=(), magnetometer=()',
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships ~15 MB of WASM and data files; bundling them would also copy them into public static media.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'bcryptjs'],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
  headers: async () => [{ source: '/:path*', headers: securityHeaders }],
};

export default nextConfig;
