/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships ~15 MB of WASM and data files; bundling them would also copy them into public static media.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'bcryptjs'],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
};

export default nextConfig;
