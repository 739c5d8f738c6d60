import { Badge } from '@/components/ui/badge';
import { CHANNEL_LABELS, CONSENT_CHANNELS, consentKey } from '@/lib/work/catalog';
import type { ContactValues } from './contact-preferences';

/** The same facts as the form, read-only, for those who may not change them. */
export function ContactSummary({ values }: { values: ContactValues }) {
  return (
    <dl className="space-y-3 text-sm">
      <div>
        <dt className="text-xs font-medium text-zinc-500 uppercase">Email</dt>
        <dd className="text-zinc-900">{values.email ?? '—'}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-zinc-500 uppercase">Phone</dt>
        <dd className="text-zinc-900">{values.phone ?? '—'}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-zinc-500 uppercase">Consent</dt>
        <dd className="mt-1 flex flex-wrap gap-1.5">
          {CONSENT_CHANNELS.map((channel) => (
            <Badge key={channel} tone={values[consentKey(channel)] ? 'success' : 'neutral'}>
              {CHANNEL_LABELS[channel]}: {values[consentKey(channel)] ? 'opted in' : 'no'}
            </Badge>
          ))}
        </dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-zinc-500 uppercase">Preferred channel</dt>
        <dd className="text-zinc-900">
          {values.preferredChannel ? CHANNEL_LABELS[values.preferredChannel] : 'No preference'}
        </dd>
      </div>
    </dl>
  );
}
