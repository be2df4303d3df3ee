// English: the same keys as sync.vi.ts (checked by `satisfies`).
import type { SyncMessageKey } from './sync.vi';

export const messages = {
	'sync.state.saved': 'Saved on this device, waiting to send',
	'sync.state.sending': 'Sending…',
	'sync.state.sent': 'Sent',
	'sync.state.failed': 'Not sent',
	'sync.pending': '{count} stories waiting to send',
	'sync.sendNow': 'Send now',
	'sync.offline': 'No connection. The story is saved safely on this device and will be sent when you are back online.',
	'sync.unauthorized': 'Your session has expired. Sign in again to send the waiting stories.',
	'sync.rejected':
		'The server did not accept this story. Check its content and tap "Send now"; if it still fails, tell your unit officer.',
	'sync.rejected.permission':
		'Your account may not yet submit stories for this unit. Ask your unit officer to check your reporter role.',
	'sync.rejected.invalid': 'The content does not meet the server rules. Open the story, correct it and save.',
	'sync.rejected.notEditable': 'The story has already been reviewed and can no longer be edited. Contact your unit officer.',
	'sync.rejected.photo': 'The server did not accept one of the photos. Remove it, choose another photo and save.',
	'sync.conflict': 'This story exists on the server with different data. The app will retry; if it persists, tell your unit officer.',
	'sync.conflict.reviewed':
		'Your unit officer handled this story (returned/verified) while you were editing it on this device. Read the reason, then send your edit again.',
	'sync.conflict.locked':
		'Your unit officer handled this story (verified/rejected) while you were editing it on this device, so your edit can no longer be sent. Check its status on the server and contact your unit officer if it needs changes.',
	'sync.conflict.changed':
		'The story was changed elsewhere on the server while you were editing it on this device. Check the server version, then send your edit again if it is right.',
	'sync.conflict.title': 'Changed on the server',
	'sync.conflict.serverStatus': 'Status on the server: {status}',
	'sync.conflict.serverNote': 'Officer\'s reason: {note}',
	'sync.conflict.mine': 'Your edit is kept on this device, not yet sent.',
	'sync.conflict.resubmit': 'Send my version again',
	'sync.transient': 'The server is busy. The app will retry automatically in a few minutes.',
	'sync.storageNotPersisted':
		'The browser may clear data when the phone is full. Install the app on the home screen and send stories soon.'
} as const satisfies Record<SyncMessageKey, string>;
