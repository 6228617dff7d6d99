import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/a11y';
import { activityByLabel, exportedDoc, transitionId } from './helpers/expected-counts';
import { pickTracedRecords } from './helpers/trace-node';
import { CountsPage } from './pages/counts-page';
import { TracePage } from './pages/trace-page';

const SHOTS = process.env.E2E_SHOTS; // a folder: screenshots of the trace, to look at
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

const FIXTURE = 'trace-bookings-campaign.json';

test('trace a customer across a Change dimension: its bookings, each in or out, and back to the customer, as the engine in Node traces it', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await new CountsPage(page).openImportedCampaign(FIXTURE, 'Opted-in travellers and their flights');
  const doc = await exportedDoc(page);
  const bookings = activityByLabel(doc, 'Their bookings').id;
  const flights = activityByLabel(doc, 'Flights').id;
  const { flyer, none } = await pickTracedRecords(
    doc,
    {
      // A customer with several bookings, flights and others.
      flyer: (t) => {
        const records = t.activities.find((a) => a.activityId === flights)?.linked?.records ?? [];
        return records.length >= 2 && new Set(records.map((r) => r.outputs.join())).size > 1;
      },
      // A customer of the audience without any booking.
      none: (t) => t.activities.find((a) => a.activityId === bookings)?.status === 'out',
    },
    { simulate: false },
  );
  const trace = new TracePage(page);
  await trace.open();

  // Several bookings: the Change dimension says how many; the split lists each with its reason.
  await trace.trace(flyer.key, flyer.key);
  const expected = (id: string) => flyer.activities.find((a) => a.activityId === id)!;
  await expect(trace.step('Their bookings')).toContainText(expected(bookings).reason);
  await expect(trace.step('Flights')).toContainText(expected(flights).reason);
  const linked = trace.linkedRecords('Flights', 'bookings');
  const records = expected(flights).linked!.records;
  await expect(linked.getByRole('listitem')).toHaveCount(records.length);
  for (const r of records) {
    const item = linked.getByRole('listitem').filter({ hasText: `bookings ${r.key} ·` });
    await expect(item).toContainText(r.reason);
    await expect(item.getByRole('table')).toContainText(r.rules![0]!.conditions[0]!.label);
  }
  // The canvas: the path across both changes of dimension, every node with its badge.
  await expect(trace.nodeBadge('Their bookings')).toHaveText('Trace: In');
  await expect(trace.nodeBadge('Flights')).toHaveText('Trace: In');
  await expect(trace.nodeBadge('Customers who fly')).toHaveText('Trace: In');
  for (const [from, to] of [
    ['Opted-in customers', 'Their bookings'],
    ['Their bookings', 'Flights'],
    ['Flights', 'Customers who fly'],
    ['Flights', 'Other bookings'],
    ['Customers who fly', 'End'],
  ] as const)
    await expect(trace.edge(transitionId(doc, from, to)), `${from} to ${to}`).toHaveClass(/cv-edge--trace-on/);
  await shot(page, 'trace-change-dimension');
  await expectNoSeriousViolations(page);

  // No booking: the Change dimension leaves the customer out and the activities after it say so.
  await trace.trace(none.key, none.key);
  await expect(trace.step('Their bookings')).toContainText('No bookings linked to this record: left out, with no linked record.');
  await expect(trace.step('Flights')).toContainText('No bookings linked to this record.');
  await expect(trace.nodeBadge('Their bookings')).toHaveText('Trace: Out');
  await expect(trace.nodeBadge('Flights')).toHaveText('Trace: Not reached');
  await expect(trace.edge(transitionId(doc, 'Their bookings', 'Flights'))).toHaveClass(/cv-edge--trace-off/);
  await shot(page, 'trace-change-dimension-none');
});
