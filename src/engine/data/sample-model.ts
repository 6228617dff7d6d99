import type { z } from 'zod';
import { dataModelSchema } from '../../domain/data-model';
import type { DataModel, FieldType } from '../../domain/data-model';
import { vocab } from './vocabulary';

type FieldInput = { name: string; label: string; type: FieldType; values?: { value: string; label: string }[] };

const f = (name: string, label: string, type: FieldType): FieldInput => ({ name, label, type });
const e = (name: string, label: string, values: readonly string[], labels?: readonly string[]): FieldInput => ({
  name,
  label,
  type: 'enum',
  values: values.map((v, i) => ({ value: v, label: labels?.[i] ?? v.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) })),
});
const toProfile = { name: 'profile', label: 'Profile', target: 'profiles', cardinality: 'many-to-one' as const, on: [{ from: 'profile_id', to: 'profile_id' }] };
const collection = (name: string, label: string, target: string, key: string) => ({
  name,
  label,
  target,
  cardinality: 'one-to-many' as const,
  on: [{ from: key, to: key }],
});

/** The reference "today" of the built-in sample data; every generated date is relative to it. */
export const SAMPLE_REFERENCE_DATE = '2025-06-30';

const input: z.input<typeof dataModelSchema> = {
  name: 'Sample retail, travel and B2B data',
  referenceDate: SAMPLE_REFERENCE_DATE,
  entities: [
    {
      name: 'profiles',
      label: 'Profiles',
      primaryKey: 'profile_id',
      displayFields: ['first_name', 'last_name', 'email', 'country', 'loyalty_tier'],
      fields: [
        f('profile_id', 'Profile id', 'integer'),
        f('first_name', 'First name', 'string'),
        f('last_name', 'Last name', 'string'),
        f('email', 'Email', 'string'),
        f('phone', 'Mobile phone', 'string'),
        f('push_token', 'Push token', 'string'),
        f('address_line', 'Address', 'string'),
        f('postal_code', 'Postal code', 'string'),
        f('city', 'City', 'string'),
        e('country', 'Country', vocab.countries.map((c) => c.code), vocab.countries.map((c) => c.name)),
        e('language', 'Language', vocab.languages.map((l) => l.code), vocab.languages.map((l) => l.name)),
        f('birth_date', 'Birth date', 'date'),
        e('gender', 'Gender', vocab.genders),
        e('loyalty_tier', 'Loyalty tier', vocab.loyaltyTiers),
        f('engagement_score', 'Engagement score', 'integer'),
        f('lifetime_value', 'Lifetime value', 'decimal'),
        f('email_opt_in', 'Email opt-in', 'boolean'),
        f('sms_opt_in', 'SMS opt-in', 'boolean'),
        f('push_opt_in', 'Push opt-in', 'boolean'),
        f('direct_mail_opt_in', 'Direct mail opt-in', 'boolean'),
        f('denylisted', 'Denylisted', 'boolean'),
        f('created_date', 'Created', 'date'),
        f('last_seen_at', 'Last seen', 'timestamp'),
        f('account_id', 'Account id', 'integer'),
      ],
      links: [
        collection('purchases', 'Purchases', 'purchases', 'profile_id'),
        collection('bookings', 'Bookings', 'bookings', 'profile_id'),
        collection('subscriptions', 'Subscriptions', 'subscriptions', 'profile_id'),
        collection('web_events', 'Web events', 'web_events', 'profile_id'),
        collection('contact_addresses', 'Contact addresses', 'contact_addresses', 'profile_id'),
        collection('memberships', 'Buying group memberships', 'buying_group_members', 'profile_id'),
        { name: 'account', label: 'Account', target: 'accounts', cardinality: 'many-to-one', on: [{ from: 'account_id', to: 'account_id' }] },
      ],
    },
    {
      name: 'contact_addresses',
      label: 'Contact addresses',
      primaryKey: 'address_id',
      displayFields: ['profile_id', 'kind', 'channel', 'value'],
      fields: [
        f('address_id', 'Address id', 'integer'),
        f('profile_id', 'Profile id', 'integer'),
        e('kind', 'Kind', vocab.addressKinds),
        e('channel', 'Channel', vocab.addressChannels),
        f('value', 'Address', 'string'),
        f('is_primary', 'Primary', 'boolean'),
        f('verified', 'Verified', 'boolean'),
      ],
      links: [toProfile],
    },
    {
      name: 'products',
      label: 'Products',
      primaryKey: 'product_id',
      displayFields: ['name', 'category', 'brand', 'price'],
      fields: [
        f('product_id', 'Product id', 'integer'),
        f('name', 'Name', 'string'),
        e('category', 'Category', vocab.categories),
        f('brand', 'Brand', 'string'),
        f('price', 'Price', 'decimal'),
        f('launched_on', 'Launched', 'date'),
      ],
      links: [],
    },
    {
      name: 'stores',
      label: 'Stores',
      primaryKey: 'store_id',
      displayFields: ['name', 'city', 'country', 'format'],
      fields: [
        f('store_id', 'Store id', 'integer'),
        f('name', 'Name', 'string'),
        f('city', 'City', 'string'),
        e('country', 'Country', vocab.countries.map((c) => c.code), vocab.countries.map((c) => c.name)),
        e('format', 'Format', vocab.storeFormats),
        f('opened_on', 'Opened', 'date'),
      ],
      links: [],
    },
    {
      name: 'purchases',
      label: 'Purchases',
      primaryKey: 'purchase_id',
      displayFields: ['profile_id', 'purchase_date', 'amount', 'status'],
      fields: [
        f('purchase_id', 'Purchase id', 'integer'),
        f('profile_id', 'Profile id', 'integer'),
        f('product_id', 'Product id', 'integer'),
        f('store_id', 'Store id', 'integer'),
        f('purchase_date', 'Purchase date', 'date'),
        f('quantity', 'Quantity', 'integer'),
        f('amount', 'Amount', 'decimal'),
        e('channel', 'Channel', vocab.purchaseChannels),
        e('status', 'Status', vocab.purchaseStatuses),
      ],
      links: [
        toProfile,
        { name: 'product', label: 'Product', target: 'products', cardinality: 'many-to-one', on: [{ from: 'product_id', to: 'product_id' }] },
        { name: 'store', label: 'Store', target: 'stores', cardinality: 'many-to-one', on: [{ from: 'store_id', to: 'store_id' }] },
      ],
    },
    {
      name: 'bookings',
      label: 'Bookings',
      primaryKey: 'booking_id',
      displayFields: ['profile_id', 'kind', 'travel_date', 'status'],
      fields: [
        f('booking_id', 'Booking id', 'integer'),
        f('profile_id', 'Profile id', 'integer'),
        e('kind', 'Kind', vocab.bookingKinds),
        f('destination', 'Destination', 'string'),
        f('booked_on', 'Booked on', 'date'),
        f('travel_date', 'Travel date', 'date'),
        f('amount', 'Amount', 'decimal'),
        e('status', 'Status', vocab.bookingStatuses),
      ],
      links: [toProfile],
    },
    {
      name: 'subscriptions',
      label: 'Subscriptions',
      primaryKey: 'subscription_id',
      displayFields: ['profile_id', 'plan', 'status'],
      fields: [
        f('subscription_id', 'Subscription id', 'integer'),
        f('profile_id', 'Profile id', 'integer'),
        e('plan', 'Plan', vocab.plans),
        f('started_on', 'Started', 'date'),
        f('ends_on', 'Ends', 'date'),
        f('monthly_fee', 'Monthly fee', 'decimal'),
        e('status', 'Status', vocab.subscriptionStatuses),
      ],
      links: [toProfile],
    },
    {
      name: 'web_events',
      label: 'Web events',
      primaryKey: 'event_id',
      displayFields: ['profile_id', 'event_type', 'event_time'],
      fields: [
        f('event_id', 'Event id', 'integer'),
        f('profile_id', 'Profile id', 'integer'),
        e('event_type', 'Event type', vocab.eventTypes),
        f('event_time', 'Event time', 'timestamp'),
        f('product_id', 'Product id', 'integer'),
      ],
      links: [
        toProfile,
        { name: 'product', label: 'Product', target: 'products', cardinality: 'many-to-one', on: [{ from: 'product_id', to: 'product_id' }] },
      ],
    },
    {
      name: 'accounts',
      label: 'Accounts',
      primaryKey: 'account_id',
      displayFields: ['name', 'industry', 'country', 'tier'],
      fields: [
        f('account_id', 'Account id', 'integer'),
        f('name', 'Name', 'string'),
        e('industry', 'Industry', vocab.industries),
        e('country', 'Country', vocab.countries.map((c) => c.code), vocab.countries.map((c) => c.name)),
        f('employees', 'Employees', 'integer'),
        f('annual_revenue', 'Annual revenue', 'decimal'),
        e('tier', 'Tier', vocab.accountTiers),
        f('created_date', 'Created', 'date'),
      ],
      links: [
        collection('people', 'People', 'profiles', 'account_id'),
        collection('buying_groups', 'Buying groups', 'buying_groups', 'account_id'),
      ],
    },
    {
      name: 'buying_groups',
      label: 'Buying groups',
      primaryKey: 'buying_group_id',
      displayFields: ['account_id', 'solution_interest', 'status', 'completeness'],
      fields: [
        f('buying_group_id', 'Buying group id', 'integer'),
        f('account_id', 'Account id', 'integer'),
        e('solution_interest', 'Solution interest', vocab.solutions),
        e('status', 'Status', vocab.buyingGroupStatuses),
        f('completeness', 'Completeness (share of roles filled)', 'decimal'),
        f('engagement_score', 'Engagement score', 'integer'),
        f('created_date', 'Created', 'date'),
      ],
      links: [
        { name: 'account', label: 'Account', target: 'accounts', cardinality: 'many-to-one', on: [{ from: 'account_id', to: 'account_id' }] },
        collection('members', 'Members', 'buying_group_members', 'buying_group_id'),
      ],
    },
    {
      name: 'buying_group_members',
      label: 'Buying group members',
      primaryKey: 'member_id',
      displayFields: ['buying_group_id', 'profile_id', 'role'],
      fields: [
        f('member_id', 'Member id', 'integer'),
        f('buying_group_id', 'Buying group id', 'integer'),
        f('profile_id', 'Profile id', 'integer'),
        e('role', 'Role', vocab.roles),
        f('joined_date', 'Joined', 'date'),
      ],
      links: [
        toProfile,
        { name: 'buying_group', label: 'Buying group', target: 'buying_groups', cardinality: 'many-to-one', on: [{ from: 'buying_group_id', to: 'buying_group_id' }] },
      ],
    },
    {
      name: 'denylist',
      label: 'Denylist',
      primaryKey: 'entry_id',
      displayFields: ['address', 'channel', 'reason', 'added_at'],
      fields: [
        f('entry_id', 'Entry id', 'integer'),
        f('address', 'Address', 'string'),
        e('channel', 'Channel', ['email', 'sms', 'push', 'direct-mail'], ['Email', 'SMS', 'Push', 'Direct mail']),
        e('reason', 'Reason', ['hard-bounce', 'complaint', 'unsubscribe', 'manual'], ['Hard bounce', 'Complaint', 'Unsubscribe', 'Manual']),
        f('added_at', 'Added', 'timestamp'),
      ],
      links: [],
    },
  ],
  dimensions: [
    {
      entity: 'profiles',
      label: 'Profiles',
      addresses: { email: 'email', phone: 'phone', pushToken: 'push_token', postal: ['first_name', 'last_name', 'address_line', 'postal_code', 'city', 'country'] },
      consents: { email: 'email_opt_in', sms: 'sms_opt_in', push: 'push_opt_in', directMail: 'direct_mail_opt_in' },
    },
    { entity: 'accounts', label: 'Accounts' },
    { entity: 'buying_groups', label: 'Buying groups' },
    { entity: 'bookings', label: 'Bookings' },
    { entity: 'contact_addresses', label: 'Contact addresses' },
  ],
  // Marketing messages never go to these addresses (docs/data-model.md, "Denylist").
  denylist: { entity: 'denylist', address: 'address', channel: 'channel' },
};

/** The built-in sample data model (validated when the module loads). */
export const sampleDataModel: DataModel = dataModelSchema.parse(input);
