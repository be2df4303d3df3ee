// Row aliases for the tables the data path touches, taken from the generated `database.types.ts`
// (`npx supabase gen types typescript --db-url … --schema public`; regenerate after a migration, never edit it).
import type { Database } from './database.types';

export type { Database, Json } from './database.types';

export type StoryRow = Database['public']['Tables']['story']['Row'];
export type StoryInsertRow = Database['public']['Tables']['story']['Insert'];
export type StoryPhotoRow = Database['public']['Tables']['story_photo']['Row'];
export type StoryPhotoInsertRow = Database['public']['Tables']['story_photo']['Insert'];
