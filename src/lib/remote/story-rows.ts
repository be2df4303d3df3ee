// Database row types for the tables the data path touches. Hand-written stand-in, shaped exactly like the output of
// `supabase gen types typescript`, until `database.types.ts` is generated from the local stack; then this file only
// re-exports the generated `Database` and its aliases. Never add fields the migrations don't have.
type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
	public: {
		Tables: {
			story: {
				Row: {
					id: string;
					unit_id: string;
					author_id: string;
					kind: string;
					title: string;
					body: string;
					subject_name: string;
					subject_kind: string;
					subject_is_minor: boolean;
					occurred_on: string;
					address: string | null;
					consent_given_by: string | null;
					consent_method: string | null;
					consent_recorded_at: string | null;
					consent_withdrawn_at: string | null;
					status: string;
					review_note: string | null;
					reviewed_by: string | null;
					reviewed_at: string | null;
					published_by: string | null;
					published_at: string | null;
					revision: number;
					content_hash: string | null;
					client_created_at: string | null;
					created_at: string;
					updated_at: string;
				};
				Insert: {
					id: string;
					unit_id: string;
					author_id?: string;
					kind: string;
					title: string;
					body: string;
					subject_name: string;
					subject_kind: string;
					subject_is_minor?: boolean;
					occurred_on: string;
					address?: string | null;
					consent_given_by?: string | null;
					consent_method?: string | null;
					consent_recorded_at?: string | null;
					consent_withdrawn_at?: string | null;
					status?: string;
					review_note?: string | null;
					reviewed_by?: string | null;
					reviewed_at?: string | null;
					published_by?: string | null;
					published_at?: string | null;
					revision?: number;
					content_hash?: string | null;
					client_created_at?: string | null;
					created_at?: string;
					updated_at?: string;
				};
				Update: Partial<Database['public']['Tables']['story']['Insert']>;
				Relationships: [];
			};
			story_photo: {
				Row: {
					id: string;
					story_id: string;
					position: number;
					storage_path: string;
					thumb_path: string | null;
					content_type: string;
					width: number;
					height: number;
					byte_size: number;
					sha256: string;
					caption: string | null;
					created_at: string;
				};
				Insert: {
					id: string;
					story_id: string;
					position: number;
					storage_path: string;
					thumb_path?: string | null;
					content_type: string;
					width: number;
					height: number;
					byte_size: number;
					sha256: string;
					caption?: string | null;
					created_at?: string;
				};
				Update: Partial<Database['public']['Tables']['story_photo']['Insert']>;
				Relationships: [
					{
						foreignKeyName: 'story_photo_story_id_fkey';
						columns: ['story_id'];
						isOneToOne: false;
						referencedRelation: 'story';
						referencedColumns: ['id'];
					}
				];
			};
		};
		Views: {
			my_membership: {
				Row: {
					id: string | null;
					role: string | null;
					unit_id: string | null;
					unit_name: string | null;
					cluster_id: string | null;
					year: number | null;
				};
				Relationships: [];
			};
		};
		Functions: Record<string, never>;
		Enums: Record<string, never>;
		CompositeTypes: Record<string, never>;
	};
};

export type StoryRow = Database['public']['Tables']['story']['Row'];
export type StoryInsertRow = Database['public']['Tables']['story']['Insert'];
export type StoryPhotoRow = Database['public']['Tables']['story_photo']['Row'];
export type StoryPhotoInsertRow = Database['public']['Tables']['story_photo']['Insert'];
export type { Json };
