// The shape of the criteria page's one write funnel, passed down to its parts: runs the write, shows the success or
// the server's refusal through notices, reloads, and says whether it worked.
import type { MessageParams } from '$lib/i18n';

export type RunWrite = (action: () => Promise<unknown>, successKey: string, params?: MessageParams) => Promise<boolean>;
