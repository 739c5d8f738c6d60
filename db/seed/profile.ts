import type { Faker } from '@faker-js/faker';
import { ACQUISITION_CHANNELS, COUNTRIES, INDUSTRIES, type SegmentKey } from './catalog';
import type { Rng } from './random';

export type Profile = {
  name: string;
  email: string;
  phone: string | null;
  company: string | null;
  country: string;
  region: string;
  industry: string | null;
  consentEmail: boolean;
  consentSms: boolean;
  consentPush: boolean;
  preferredChannel: 'email' | 'sms' | 'push' | null;
  attributes: Record<string, string | number>;
};

const COUNTRY_WEIGHTS = COUNTRIES.map((c) => c.weight);

/**
 * Who the customer is. Business accounts are named after the company with a contact at its domain; consumers by
 * their own name. Every address is under a reserved example domain, so that outreach can never reach a real person.
 */
export function profileOf(rng: Rng, faker: Faker, segment: SegmentKey): Profile {
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const b2b = segment !== 'b2c';
  const company = b2b ? faker.company.name() : null;
  const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
  const domain = company
    ? `${company
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}.example.com`
    : rng.pick(['example.com', 'example.net', 'example.org']);
  const phone = rng.chance(b2b ? 0.8 : 0.5) ? faker.phone.number({ style: 'international' }) : null;
  const { country, region } = COUNTRIES[rng.index(COUNTRY_WEIGHTS)];
  const consentEmail = rng.chance(0.85);
  const consentSms = phone !== null && rng.chance(0.4);
  const consentPush = rng.chance(b2b ? 0.2 : 0.55);
  const channels = [consentEmail && 'email', consentSms && 'sms', consentPush && 'push'].filter(
    (c): c is 'email' | 'sms' | 'push' => Boolean(c),
  );
  const attributes: Record<string, string | number> = { acquisition_channel: rng.weighted(ACQUISITION_CHANNELS) };
  if (b2b) attributes.employees = segment === 'b2b_enterprise' ? rng.int(1_000, 50_000) : rng.int(5, 500);
  return {
    name: company ?? `${firstName} ${lastName}`,
    email: `${local}@${domain}`,
    phone,
    company,
    country,
    region,
    industry: b2b ? rng.pick(INDUSTRIES) : null,
    consentEmail,
    consentSms,
    consentPush,
    preferredChannel: channels.length ? rng.pick(channels) : null,
    attributes,
  };
}
