// Writes bench/reference-campaign.json: the campaign the engine benchmark measures. 25 activities
// from the four templates side by side (rules on attributes and collections, split, combine,
// deduplication, channels), plus an audience with a condition through a to-one link, a fork, an
// enrichment (a link attribute and a collection aggregate) and a direct mail.
// Usage: node bench/make-reference-campaign.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const template = (name) => JSON.parse(readFileSync(new URL(`../src/templates/${name}.json`, import.meta.url), 'utf8'));
const activities = [];
const transitions = [];

/** Adds a template's activities and transitions, ids prefixed, moved down by `dy`. */
function addTemplate(name, prefix, dy, drop = []) {
  const t = template(name);
  const id = (x) => `${prefix}_${x}`;
  for (const a of t.activities) {
    if (drop.includes(a.id)) continue;
    // Settings that name a transition of the template (Combine's primary set) follow its new id.
    const config = a.config?.primaryTransitionId ? { ...a.config, primaryTransitionId: id(a.config.primaryTransitionId) } : a.config;
    activities.push({ ...a, id: id(a.id), config, position: { x: a.position.x, y: a.position.y + dy } });
  }
  for (const tr of t.transitions) {
    transitions.push({ ...tr, id: id(tr.id), source: { ...tr.source, activityId: id(tr.source.activityId) }, target: { ...tr.target, activityId: id(tr.target.activityId) } });
  }
  return id;
}

const connect = (id, from, port, to) => transitions.push({ id, source: { activityId: from, port }, target: { activityId: to, port: 'in' }, label: '' });
const activity = (id, type, label, x, y, config) => activities.push({ id, type, label, position: { x, y }, config, configVersion: 1, disabled: false });

const vip = addTemplate('merged-lists', 'vip', 0);
addTemplate('multichannel-newsletter', 'news', 700);
addTemplate('win-back', 'wb', 1300);
// The welcome series without its two waits and its End: sign-ups, two emails, the purchase split, the offer.
const ws = addTemplate('welcome-series', 'ws', 1900, ['act_wait_3', 'act_wait_4', 'act_converted']);
for (let i = transitions.length - 1; i >= 0; i--) {
  const tr = transitions[i];
  if ([tr.source.activityId, tr.target.activityId].some((a) => [ws('act_wait_3'), ws('act_wait_4'), ws('act_converted')].includes(a))) transitions.splice(i, 1);
}
connect('ws_tr_a', ws('act_welcome'), 'out', ws('act_tips'));
connect('ws_tr_b', ws('act_tips'), 'out', ws('act_purchased'));
// The welcome series is laid out top to bottom; here it reads left to right like the rest, one
// layer every 398 px as in the templates, so that transition labels fit between the activities.
const wsAt = { act_signups: [0, 1900], act_welcome: [398, 1900], act_tips: [796, 1900], act_purchased: [1194, 1900], act_offer: [1592, 1970] };
for (const [key, [x, y]] of Object.entries(wsAt)) activities.find((a) => a.id === ws(key)).position = { x, y };

// Enterprise contacts: a condition through the profile's account (a to-one link), then a fork:
// one branch joins the VIP union, the other gets a letter.
activity('ref_enterprise', 'build-audience', 'Enterprise contacts', -398, 450, {
  targetDimension: 'profiles',
  source: 'rule',
  rule: {
    kind: 'group',
    id: 'root',
    combinator: 'and',
    children: [
      { kind: 'attribute', id: 'c_tier', path: ['account', 'tier'], operator: 'equals', value: 'enterprise' },
      { kind: 'attribute', id: 'c_emp', path: ['account', 'employees'], operator: 'gte', value: 50 },
    ],
  },
  audienceName: '',
  emitWhenEmpty: false,
});
activity('ref_fork', 'fork', 'Both ways', 0, 450, { branches: [{ id: 'vip', label: 'To VIPs' }, { id: 'mail', label: 'Letter' }] });
activity('ref_letter', 'direct-mail', 'Account letter', 398, 520, {});
connect('ref_tr_1', 'ref_enterprise', 'out', 'ref_fork');
connect('ref_tr_2', 'ref_fork', 'vip', vip('act_union'));
connect('ref_tr_3', 'ref_fork', 'mail', 'ref_letter');

// Enrichment between the deduplication and the invitation: company name and purchase count.
activity('ref_enrich', 'enrichment', 'Company and orders', 900, 150, {
  attributes: [{ id: 'a_company', path: ['account', 'name'], alias: 'company' }],
  collections: [{ id: 'c_orders', path: ['purchases'], alias: 'orders', mode: 'aggregate', count: 1, fields: [], aggregate: { fn: 'count' } }],
  joins: [],
});
// The invitation moves right to make room for the enrichment where it was.
const invite = activities.find((a) => a.id === vip('act_invite'));
const enrich = activities.find((a) => a.id === 'ref_enrich');
enrich.position = { ...invite.position };
invite.position = { x: invite.position.x + 398, y: invite.position.y };
const toInvite = transitions.find((t) => t.source.activityId === vip('act_dedup'));
toInvite.target = { activityId: 'ref_enrich', port: 'in' };
connect('ref_tr_4', 'ref_enrich', 'out', vip('act_invite'));

const doc = {
  id: 'cmp_bench_reference',
  name: 'Benchmark: reference campaign',
  description: 'The campaign the engine benchmark measures (bench/make-reference-campaign.mjs).',
  schemaVersion: 1,
  settings: { orientation: 'horizontal', defaultTargetDimension: 'profiles', seed: 42 },
  activities,
  transitions,
};
if (activities.length !== 25) throw new Error(`expected 25 activities, got ${activities.length}`);
writeFileSync(new URL('./reference-campaign.json', import.meta.url), `${JSON.stringify(doc, null, 2)}\n`);
process.stdout.write(`bench/reference-campaign.json: ${activities.length} activities, ${transitions.length} transitions\n`);
