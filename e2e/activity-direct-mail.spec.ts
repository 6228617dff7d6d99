import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { configureChannel } from './helpers/channel-flow';
import { sampleValues } from './helpers/expected-counts';
import { MessagePreviewPage } from './pages/message-preview-page';
import { expectNoSeriousViolations } from './helpers/a11y';

test('a direct mail downloads its file: one line per inbound record, the chosen columns, the data’s values', async ({ page }) => {
  test.setTimeout(300_000);
  const names = (await sampleValues('profiles', 'first_name')) as string[];
  const cities = (await sampleValues('profiles', 'city')) as string[];
  await configureChannel(
    page,
    'Direct mail',
    async (inspector) => {
      await inspector.fill('File name', 'spring-catalogue.csv');
      await inspector.fill('Format', 'Catalogue');
      await expect(inspector.settings.getByLabel('Postal address columns')).toContainText('first_name');
      await inspector.choose('Add a column', 'Profile id');
      const preview = new MessagePreviewPage(page, 'Preview of a line');
      await preview.expectRecord(1, 10_000);
      await expect(preview.region.getByTestId('mail-preview')).toContainText(names[0]!);

      const download = page.waitForEvent('download');
      await inspector.settings.getByRole('button', { name: 'Download the file' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('spring-catalogue.csv');
      const parsed = Papa.parse<string[]>(readFileSync(await file.path(), 'utf8').trim());
      const [header, ...rows] = parsed.data;
      expect(header).toEqual(['first_name', 'last_name', 'address_line', 'postal_code', 'city', 'country', 'profile_id']);
      expect(rows).toHaveLength(10_000);
      expect(rows[0]![0]).toBe(names[0]);
      expect(rows[9_999]![4]).toBe(cities[9_999]);
      expect(rows.map((r) => Number(r[6]))).toEqual(rows.map((_, i) => i + 1));
      await expect(inspector.settings.getByText('spring-catalogue.csv: 10,000 recipients, one per line.')).toBeVisible();
      await page.screenshot({ path: '/tmp/pw-h1-mail.png' });
      await expectNoSeriousViolations(page, ['iframe']);
    },
    { fileName: 'spring-catalogue.csv', format: 'Catalogue', columns: ['profile_id'] },
  );
});
