// `npm run stack`: the embedded local Supabase stack in the foreground, for development with `npm run dev`.
// Prints what a developer needs (URLs, keys, demo accounts); Ctrl-C stops every process it started.
import { startStack } from './stack';

const startedAt = Date.now();
const stack = await startStack({ quiet: process.env.STACK_VERBOSE !== '1' });
const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);

console.log(`
Local Supabase stack is running (started in ${seconds} s).

         API URL: ${stack.apiUrl}
        REST URL: ${stack.apiUrl}/rest/v1
        Auth URL: ${stack.apiUrl}/auth/v1
     Storage URL: ${stack.apiUrl}/storage/v1
          DB URL: ${stack.dbUrl}
      JWT secret: ${stack.jwtSecret}
        anon key: ${stack.anonKey}
service_role key: ${stack.serviceRoleKey}

For the app (vite dev / node build):
  PUBLIC_SUPABASE_URL=${stack.apiUrl}
  PUBLIC_SUPABASE_ANON_KEY=${stack.anonKey}

Demo accounts come from supabase/seed.sql (see README). Realtime is not served locally: live views poll.
The database is fresh on every start and removed on exit. Press Ctrl-C to stop.`);

process.once('exit', () => console.log('Local Supabase stack stopped.'));
