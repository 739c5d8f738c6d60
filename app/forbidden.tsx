import { ShieldAlert } from 'lucide-react';
import type { Metadata } from 'next';
import { StatusPage } from '@/components/errors/status-page';

export const metadata: Metadata = { title: 'No access' };

export default function Forbidden() {
  return (
    <StatusPage
      icon={ShieldAlert}
      title="You don't have access to this page"
      message="Your role does not include this part of the workspace. If you need it, ask an admin to change your role."
    />
  );
}
