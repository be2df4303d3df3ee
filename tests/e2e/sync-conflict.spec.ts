// The conflict journey of TARGETS R2: a reporter's edit made offline meets the unit officer's return of the same
// story. The app never sends the edit over the return by itself: it shows the conflict (the Vietnamese sentence, the
// server's status and the officer's reason beside the kept edit), and only "Gửi lại bản của tôi" sends it.
import { expect, test, type Page } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';

const PASSWORD = 'ThiDua@2026';

async function signIn(page: Page, email: string): Promise<void> {
	await page.goto('/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(PASSWORD);
	await page.getByTestId('login-submit').click();
	await page.waitForURL(/\/app\/?$/);
	await expect(page.getByTestId('home-roles')).toBeVisible();
}

async function apiAs(email: string) {
	const client = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, {
		auth: { persistSession: false, autoRefreshToken: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
	const { error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
	if (error) throw error;
	return client;
}

/**
 * What `updateStoryContent` writes when the reporter edits offline: the new content and a due outbox entry. Written
 * straight into IndexedDB because the edit screen opens only for returned stories, and this one is not yet known
 * to be returned on the phone (that is the point).
 */
async function editOnDevice(page: Page, o: { id: string; title: string }): Promise<void> {
	await page.evaluate(
		({ id, title }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('thidua');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(['stories', 'outbox'], 'readwrite');
					const stories = tx.objectStore('stories');
					const get = stories.get(id);
					get.onsuccess = () => {
						const story = get.result as { content: { title: string }; syncState: string; updatedAt: string };
						story.content.title = title;
						story.syncState = 'saved';
						story.updatedAt = new Date().toISOString();
						stories.put(story);
						const entry = { kind: 'story.upsert', entityId: id, createdAt: story.updatedAt, attempts: 0, nextAttemptAt: 0, lastError: null, changeSeq: 1 };
						tx.objectStore('outbox').add(entry);
					};
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				};
			}),
		o
	);
}

test('an edit made offline while the officer returned the story is shown as a conflict and sent only when asked', async ({ context, page }) => {
	const title = `Chị Hoa nấu cơm cho bệnh nhân ${Date.now()}`;
	const edited = `${title} (bản sửa trên máy)`;
	await signIn(page, 'phongvien.badinh@thidua.test');

	// 1. Captured online: it reaches the server at once.
	await page.goto('/app/capture');
	await page.getByTestId('kind-good_deed').check();
	await page.getByTestId('field-title').fill(title);
	await page.getByTestId('field-body').fill('Mỗi trưa chị Hoa nấu cơm miễn phí cho bệnh nhân nghèo ở bệnh viện huyện.');
	await page.getByTestId('field-subjectName').fill('Chị Trần Thị Hoa');
	await page.getByTestId('subjectKind-person').check();
	await page.getByTestId('field-consentGivenBy').fill('Chị Trần Thị Hoa');
	await page.getByTestId('consentMethod-written').check();
	await page.getByTestId('save-story').click();
	await page.waitForURL(/\/app\/stories$/);
	const mine = page.locator('[data-testid=my-story]', { hasText: title });
	await expect(mine.getByTestId('sync-state')).toHaveAttribute('data-state', 'sent', { timeout: 45_000 });
	const storyId = (await mine.getAttribute('data-story-id'))!;

	// 2. Offline, the reporter edits it; meanwhile the officer returns it with a reason.
	await context.setOffline(true);
	await editOnDevice(page, { id: storyId, title: edited });
	const officer = await apiAs('canbo.badinh@thidua.test');
	const reason = 'Cần ghi rõ bệnh viện nào và từ năm nào';
	const returned = await officer.from('story').update({ status: 'returned', review_note: reason }).eq('id', storyId).select('id');
	expect(returned.data).toHaveLength(1);

	// 3. Back online: the push is refused (409) and the conflict is shown; the server keeps the return.
	await context.setOffline(false);
	await page.getByTestId('send-now').click();
	const conflict = page.locator(`[data-testid=my-story][data-story-id="${storyId}"]`).getByTestId('sync-conflict');
	await expect(conflict).toBeVisible({ timeout: 45_000 });
	await expect(conflict).toContainText('Câu chuyện đã được cán bộ đơn vị xử lý (trả lại/xác minh) trong khi bạn sửa trên máy');
	await expect(conflict.getByTestId('conflict-server-status')).toContainText('Bị trả lại');
	await expect(conflict.getByTestId('conflict-server-note')).toContainText(reason);
	const reporter = await apiAs('phongvien.badinh@thidua.test');
	const row = async () => (await reporter.from('story').select('status, title, review_note').eq('id', storyId).single()).data;
	expect(await row()).toEqual({ status: 'returned', title, review_note: reason });

	// 4. The story page shows the same, and "Gửi lại bản của tôi" sends the kept edit on top of the return.
	await page.goto(`/app/stories/${storyId}`);
	await expect(page.getByTestId('sync-conflict')).toBeVisible();
	await page.getByTestId('resubmit-mine').click();
	await expect.poll(async () => (await row())?.title, { timeout: 45_000 }).toBe(edited);
	expect(await row()).toMatchObject({ status: 'submitted' });
	await page.goto('/app/stories');
	await expect(page.locator(`[data-testid=my-story][data-story-id="${storyId}"]`).getByTestId('sync-state')).toHaveAttribute(
		'data-state',
		'sent',
		{ timeout: 45_000 }
	);
});
