// Run after `npm install` (npm run lockfile:fix): this registry lacks some platforms' optional binaries
// (Supabase CLI, PostgREST for darwin/win32/musl), so npm omits them from the lock and `npm ci` then refuses it.
import { readFileSync, writeFileSync } from 'node:fs';
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(pkgs)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (pkgs[key] || pkgs[`${path}/node_modules/${name}`]) continue;
    const os = name.includes('darwin') ? 'darwin' : name.includes('win') ? 'win32' : 'linux';
    const cpu = name.includes('arm64') ? 'arm64' : name.includes('x64') ? 'x64' : name.includes('ia32') ? 'ia32' : name.includes('ppc64') ? 'ppc64' : 'arm';
    const e = { version: spec.replace(/^v/, ''), cpu: [cpu], dev: entry.dev || undefined, optional: true, os: [os] };
    if (name.includes('musl')) e.libc = ['musl'];
    pkgs[key] = e; added++;
    console.log('added', key, e.version, os, cpu);
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(added, 'entries added');
