import { expect, test } from '@playwright/test';
import { badShopFiles, dataTextFile, exampleShopFiles } from './fixtures/data-files';
import { DataPage, dropFiles } from './pages/data-page';

test.describe.configure({ timeout: 180_000 });

test('importing a good dataset shows its entities and row counts; back to the sample afterwards', async ({ page }) => {
  const data = new DataPage(page);
  await data.goto();
  await data.importFiles(exampleShopFiles());

  await expect(data.summary.getByRole('heading', { name: 'Corner shop' })).toBeVisible({ timeout: 60_000 });
  await expect(data.summary).toContainText('customers.csv, data-model.json, orders.csv, stores.csv');
  await expect(data.entity(/^Customers/)).toContainText('10 rows');
  await expect(data.entity(/^Orders/)).toContainText('12 rows');
  await expect(data.entity(/^Stores/)).toContainText('3 rows');
  await expect(data.entity(/^Profiles/)).toHaveCount(0);

  // The imported rows and an enum distribution with labels and an empty value.
  await data.showDistribution('tier');
  const tier = data.distribution('tier');
  await expect(tier.getByRole('rowheader', { name: 'Gold (gold)' })).toBeVisible();
  await expect(tier.getByRole('row', { name: /^\(empty\)/ })).toContainText('10.0%');
  await data.tab('Rows').click();
  await expect(data.rowsTable('Customers').locator('tbody tr')).toHaveCount(10);

  // Back to the sample data, with another seed.
  await data.useSample('10,000', 7);
  await expect(data.summary.getByRole('heading', { name: 'Sample data' })).toBeVisible({ timeout: 120_000 });
  await expect(data.summary).toContainText('Seed7');
  await expect(data.entity(/^Profiles/)).toContainText('10,000 rows');
});

test('a bad CSV is reported with file, line and column, and the data in use stays', async ({ page }) => {
  const data = new DataPage(page);
  await data.goto();
  await data.importFiles(badShopFiles());

  await expect(data.problemsDialog).toBeVisible({ timeout: 60_000 });
  await expect(data.problemsDialog).toContainText('Nothing was changed');
  await expect(data.problems.filter({ hasText: 'orders.csv, line 3, column 4' })).toContainText('total');
  await expect(data.problems.filter({ hasText: 'orders.csv, line 4' })).toContainText('expected 6 columns, found 5');
  await expect(data.problems.filter({ hasText: 'orders.csv, line 6, column 1' })).toContainText('duplicate key 103 (first on line 5)');
  await data.problemsDialog.getByRole('button', { name: 'OK' }).click();
  await expect(data.problemsDialog).toBeHidden();

  // The sample is still loaded and answers queries.
  await expect(data.summary.getByRole('heading', { name: 'Sample data' })).toBeVisible();
  await expect(data.entity(/^Profiles/)).toContainText('10,000 rows');
  await data.tab('Rows').click();
  await expect(data.rowsTable('Profiles').locator('tbody tr')).toHaveCount(100);
});

test('an invalid data model, a missing CSV and a link to a missing key are each reported', async ({ page }) => {
  const data = new DataPage(page);
  await data.goto();
  const good = exampleShopFiles();

  // A model that is not valid: an entity without fields.
  await data.importFiles([dataTextFile('model.json', '{"name":"x","entities":[{"name":"a","primaryKey":"id","fields":[]}]}'), good[1]!]);
  await expect(data.problems.first()).toContainText('model.json');
  await expect(data.problems.first()).toContainText('entities.0.fields');
  await data.problemsDialog.getByRole('button', { name: 'OK' }).click();

  // The model and two of its three CSVs.
  await data.importFiles(good.filter((f) => f.name !== 'stores.csv'));
  await expect(data.problems.filter({ hasText: 'stores.csv' })).toContainText('missing');
  await data.problemsDialog.getByRole('button', { name: 'OK' }).click();

  // An order of a customer who does not exist.
  const orders = 'order_id,customer_id,store_id,total,channel,ordered_at\n100,1,1,42.50,store,2025-06-28 10:15:00\n101,99,,19.90,web,2025-05-02 21:03:00\n';
  await data.importFiles([...good.filter((f) => f.name !== 'orders.csv'), dataTextFile('orders.csv', orders)]);
  await expect(data.problems.filter({ hasText: 'orders.csv, line 3, column 2' })).toContainText('no customers has customer_id 99');
  await data.problemsDialog.getByRole('button', { name: 'OK' }).click();

  await expect(data.summary.getByRole('heading', { name: 'Sample data' })).toBeVisible();
});

test('files dropped on the screen are imported', async ({ page }) => {
  const data = new DataPage(page);
  await data.goto();
  await dropFiles(page, exampleShopFiles());
  await expect(data.summary.getByRole('heading', { name: 'Corner shop' })).toBeVisible({ timeout: 60_000 });
  await expect(data.entity(/^Orders/)).toContainText('12 rows');
});
