// The city admin's organisation journey: two throwaway units merged into a new one (lineage shown both ways), a
// cluster for the year with members, head and deputy, and an account with a reporter role whose owner signs in and
// sees that role on /app. A reporter who opens /app/admin is told they have no permission.
import { expect, test, type Locator, type Page } from '@playwright/test';

const PASSWORD = 'ThiDua@2026';

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(password);
	await page.getByTestId('login-submit').click();
	await page.waitForURL(/\/app\/?$/);
	await expect(page.getByTestId('home-roles')).toBeVisible();
}

/** Waits for the success notice, then closes it so the next step's notice is the one checked. */
async function expectSuccess(page: Page, text: string | RegExp): Promise<void> {
	const notice = page.getByTestId('notices-status').locator('.notice', { hasText: text });
	await expect(notice).toBeVisible();
	await notice.getByRole('button').click();
	await expect(page.getByTestId('notices-errors')).toBeEmpty();
}

async function createUnit(page: Page, name: string, code: string): Promise<void> {
	const form = page.getByTestId('unit-create-form');
	if (!(await form.isVisible())) await page.getByTestId('unit-create-open').click();
	await form.getByTestId('unit-new-name').fill(name);
	await form.getByTestId('unit-new-code').fill(code);
	await form.getByTestId('unit-new-kind').selectOption('phuong');
	await form.locator('#unit-new-from').fill('2025-07-01');
	await form.getByTestId('unit-create-submit').click();
	await expectSuccess(page, name);
}

function todayDdMmYyyy(): string {
	const p = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
	return p.format(new Date());
}

function unitRow(page: Page, code: string): Locator {
	return page.locator(`[data-testid=unit-row][data-code="${code}"]`);
}

test('the city admin merges units, builds a cluster and creates an account that sees its role', async ({ page, browser }) => {
	const s = Date.now().toString(36);
	const unitA = { name: `Phường Thử Nghiệm A ${s}`, code: `e2e-a-${s}` };
	const unitB = { name: `Phường Thử Nghiệm B ${s}`, code: `e2e-b-${s}` };
	const unitC = { name: `Xã Thử Nghiệm C ${s}`, code: `e2e-c-${s}` };
	const merged = { name: `Phường Hợp Nhất ${s}`, code: `e2e-m-${s}` };

	await signIn(page, 'thanhpho@thidua.test');
	await page.getByTestId('nav-admin').click();
	await page.getByTestId('admin-nav-units').click();
	await expect(page.getByTestId('unit-table')).toBeVisible();

	// 1. Three throwaway units (unique codes), then A and B merged into a new unit today.
	for (const u of [unitA, unitB, unitC]) await createUnit(page, u.name, u.code);
	await page.getByTestId('unit-search').fill(`thu nghiem ${s}`); // typed without diacritics
	await expect(page.getByTestId('unit-row')).toHaveCount(3);
	await unitRow(page, unitA.code).getByTestId('unit-select').check();
	await unitRow(page, unitB.code).getByTestId('unit-select').check();
	const merge = page.getByTestId('merge-form');
	await expect(merge.getByTestId('merge-selected')).toContainText(unitA.name);
	await merge.getByTestId('merge-name').fill(merged.name);
	await merge.getByTestId('merge-code').fill(merged.code);
	await merge.getByTestId('merge-submit').click();
	await expectSuccess(page, merged.name);

	// 2. The lineage, both ways, with the date as dd/mm/yyyy; the merged-away units are now history.
	await page.getByTestId('unit-filter-validity').selectOption('all');
	await page.getByTestId('unit-search').fill(s);
	const mergedLineage = unitRow(page, merged.code).getByTestId('lineage-formerly');
	await expect(mergedLineage).toContainText(unitA.name);
	await expect(mergedLineage).toContainText(unitB.name);
	await expect(mergedLineage).toContainText(todayDdMmYyyy());
	await expect(unitRow(page, unitA.code).getByTestId('lineage-now')).toContainText(`Nay là: ${merged.name}`);
	await page.getByTestId('unit-filter-validity').selectOption('current');
	await expect(unitRow(page, unitA.code)).toHaveCount(0);

	// 3. A cluster for this year with the merged unit and C; a unit of another cluster cannot be picked.
	const clusterName = `Cụm thử nghiệm ${s}`;
	await page.getByTestId('admin-nav-clusters').click();
	await page.getByTestId('cluster-new-name').fill(clusterName);
	await page.getByTestId('cluster-create').click();
	await expectSuccess(page, clusterName);
	const card = page.locator(`[data-testid=cluster-card][data-cluster-name="${clusterName}"]`);
	await expect(card.getByTestId('cluster-add-unit').locator('option', { hasText: 'Phường Ba Đình' })).toBeDisabled();
	for (const u of [merged, unitC]) {
		await card.getByTestId('cluster-add-unit').selectOption({ label: u.name });
		await card.getByTestId('cluster-add-submit').click();
		await expectSuccess(page, u.name);
	}
	await expect(card.getByTestId('cluster-member')).toHaveCount(2);
	await card.getByTestId('cluster-head').selectOption({ label: merged.name });
	await expectSuccess(page, merged.name);
	await card.getByTestId('cluster-deputy').selectOption({ label: unitC.name });
	await expectSuccess(page, unitC.name);
	await page.reload();
	await expect(card.getByTestId('cluster-head').locator('option:checked')).toHaveText(merged.name);
	await expect(card.getByTestId('cluster-deputy').locator('option:checked')).toHaveText(unitC.name);

	// 4. An account with a reporter role in unit C, created through the server endpoint.
	const person = { name: `Trần Thử Nghiệm ${s}`, email: `e2e-${s}@thidua.test`, password: `Mk-${s}-2026` };
	await page.getByTestId('admin-nav-people').click();
	await page.getByTestId('account-open').click();
	const form = page.getByTestId('account-form');
	await form.getByTestId('account-name').fill(person.name);
	await form.getByTestId('account-email').fill(person.email);
	await form.getByTestId('account-password').fill(person.password);
	await form.getByTestId('account-role').selectOption('reporter');
	await form.getByTestId('account-unit').selectOption({ label: unitC.name });
	await form.getByTestId('account-submit').click();
	await expectSuccess(page, person.email);
	const row = page.locator(`[data-testid=person-row][data-name="${person.name}"]`);
	await expect(row.locator('[data-testid=person-role][data-role=reporter]')).toContainText(unitC.name);

	// 5. The new person signs in and sees their role, unit and year on /app.
	const other = await browser.newContext();
	const theirs = await other.newPage();
	await signIn(theirs, person.email, person.password);
	const role = theirs.locator('[data-testid=home-role][data-role=reporter]');
	await expect(role).toContainText(unitC.name);
	await expect(role).toContainText(todayDdMmYyyy().slice(-4));
	await expect(theirs.getByTestId('nav-admin')).toHaveCount(0);
	await other.close();
});

test('a reporter who opens the admin pages is told they have no permission', async ({ page }) => {
	await signIn(page, 'phongvien.badinh@thidua.test');
	await expect(page.getByTestId('nav-admin')).toHaveCount(0);
	await page.goto('/app/admin/units');
	await expect(page.getByTestId('admin-no-permission')).toBeVisible();
	await expect(page.getByTestId('unit-table')).toHaveCount(0);
});
