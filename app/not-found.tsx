import { Compass } from 'lucide-react';
import type { Metadata } from 'next';
import { StatusPage } from '@/components/errors/status-page';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <StatusPage
      icon={Compass}
      title="Page not found"
      message="There is nothing at this address. It may have moved, or the link may be mistyped."
    />
  );
}
