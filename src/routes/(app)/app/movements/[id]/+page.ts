import type { PageLoad } from './$types';

// Client-rendered like the rest of /app: the page reads the movement and its stories itself (online or snapshot).
export const load: PageLoad = ({ params }) => ({ id: params.id });
