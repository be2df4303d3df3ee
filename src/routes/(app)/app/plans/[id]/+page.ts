import type { PageLoad } from './$types';

// Client-rendered like the rest of /app: the page reads the plan itself (from the server, or its snapshot offline).
export const load: PageLoad = ({ params }) => ({ id: params.id });
