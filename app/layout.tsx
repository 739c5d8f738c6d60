import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ContentSecurityClient } from '@/components/security/content-security-client';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Holdfast', template: '%s · Holdfast' },
  description: 'Self-hosted customer retention workspace',
};

export const viewport: Viewport = { themeColor: '#ffffff' };

// Rendered per request, the 404 page included: the scripts of a page prerendered at build time could not carry the
// request's CSP nonce and would be refused.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <ContentSecurityClient />
        {children}
      </body>
    </html>
  );
}
