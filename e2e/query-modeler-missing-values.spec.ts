import { expect, test } from '@playwright/test';
import { chainOf, expectSameCountAsNode } from './helpers/activity-flow';
import { QueryModelerPage } from './pages/query-modeler-page';
import { exportedDoc, nodeCounts, transitionId } from './helpers/expected-counts';

const parseCount = (text: string) => Number(text.replace(/,/g, ''));

test.describe('Query modeler: records without a value and Match case', () => {
  test.setTimeout(240_000);

  test('"Account › Industry is not Software" shows who has no value, and the switch changes the count', async ({ page }) => {
    const { canvas } = await chainOf(page, ['Build audience', 'End'], 'Build audience');
    const qm = QueryModelerPage.inInspector(page);
    await qm.add('A field');
    await qm.chooseField(qm.last, 'industry', /Industry/);
    await qm.comparison(qm.last, 'is not');
    await qm.last.getByRole('combobox', { name: 'Value of Industry' }).selectOption({ label: 'Software' });

    // Kept by default, as documented, and counted by the engine: people without an account, and
    // accounts without an industry.
    const words = /^Include ([\d,]+) with no account and ([\d,]+) with no industry$/;
    const keep = qm.option(qm.last, words);
    await expect(keep.box).toBeChecked({ timeout: 60_000 });
    const [, noAccount, noIndustry] = words.exec((await keep.label.textContent()) ?? '') ?? [];
    const without = parseCount(noAccount!) + parseCount(noIndustry!);
    expect(parseCount(noAccount!)).toBeGreaterThan(0);
    const kept = await expectSameCountAsNode(canvas, 'Build audience', 'End');

    await keep.label.click();
    await expect(keep.box).not.toBeChecked();
    const leftOut = await expectSameCountAsNode(canvas, 'Build audience', 'End');
    // The switch takes away exactly the records it names.
    expect(kept.count - leftOut.count).toBe(without);
    const rule = leftOut.doc.activities.find((a) => a.label === 'Build audience')!.config.rule as { children: { missing?: string }[] };
    expect(rule.children[0]!.missing).toBe('exclude');
  });

  test('text ignores case unless Match case is ticked', async ({ page }) => {
    const { canvas } = await chainOf(page, ['Build audience', 'End'], 'Build audience');
    const qm = QueryModelerPage.inInspector(page);
    await qm.add('A field');
    await qm.chooseField(qm.last, 'first', /First name/);
    await qm.type(qm.last, /Value of First name/, '  emma ');
    await expect(qm.last.getByText('Text is compared without the spaces at either end and without case, unless Match case is ticked.')).toBeVisible();
    const anyCase = await expectSameCountAsNode(canvas, 'Build audience', 'End');
    expect(anyCase.count).toBeGreaterThan(0);

    const matchCase = qm.option(qm.last, /^Match case$/);
    await matchCase.label.click();
    await expect(matchCase.box).toBeChecked();
    // The data spells it "Emma": in lower case nobody matches, and the audience stops there.
    await qm.calculate.click();
    await qm.expectTotal(/^0 profiles/);
    const exact = await exportedDoc(page);
    expect(exact.activities.find((a) => a.label === 'Build audience')!.config.rule).toMatchObject({ children: [{ matchCase: true, value: '  emma ' }] });
    // Node agrees: the empty audience is not emitted, so its transition has no count.
    expect((await nodeCounts(exact))[transitionId(exact, 'Build audience', 'End')]).toBeUndefined();

    await qm.type(qm.last, /Value of First name/, 'Emma');
    const spelled = await expectSameCountAsNode(canvas, 'Build audience', 'End');
    expect(spelled.count).toBe(anyCase.count);
  });
});
