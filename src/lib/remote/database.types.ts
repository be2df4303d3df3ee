
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  
  "public": {
          Tables: {
            "cluster": {
                  Row: {
                    "created_at": string,"deputy_unit_id": string | null,"head_unit_id": string | null,"id": string,"name": string,"year": number
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"deputy_unit_id"?: string | null,"head_unit_id"?: string | null,"id"?: string,"name": string,"year": number
                  }
                  Update: {
                    "created_at"?: string,"deputy_unit_id"?: string | null,"head_unit_id"?: string | null,"id"?: string,"name"?: string,"year"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "cluster_deputy_unit_id_fkey"
      columns: ["deputy_unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "cluster_head_unit_id_fkey"
      columns: ["head_unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                },"cluster_leader_assignment": {
                  Row: {
                    "cluster_id": string,"created_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "cluster_id": string,"created_at"?: string,"user_id": string
                  }
                  Update: {
                    "cluster_id"?: string,"created_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "cluster_leader_assignment_cluster_id_fkey"
      columns: ["cluster_id"]
isOneToOne: false
      referencedRelation: "cluster"
      referencedColumns: ["id"]
    }
                  ]
                },"cluster_member": {
                  Row: {
                    "cluster_id": string,"unit_id": string,"year": number
                  }
                  ComputedFields: never
                  Insert: {
                    "cluster_id": string,"unit_id": string,"year"?: number
                  }
                  Update: {
                    "cluster_id"?: string,"unit_id"?: string,"year"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "cluster_member_cluster_id_fkey"
      columns: ["cluster_id"]
isOneToOne: false
      referencedRelation: "cluster"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "cluster_member_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                },"membership": {
                  Row: {
                    "cluster_id": string | null,"created_at": string,"id": string,"role": string,"unit_id": string | null,"user_id": string,"year": number
                  }
                  ComputedFields: never
                  Insert: {
                    "cluster_id"?: string | null,"created_at"?: string,"id"?: string,"role": string,"unit_id"?: string | null,"user_id": string,"year": number
                  }
                  Update: {
                    "cluster_id"?: string | null,"created_at"?: string,"id"?: string,"role"?: string,"unit_id"?: string | null,"user_id"?: string,"year"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "membership_cluster_id_fkey"
      columns: ["cluster_id"]
isOneToOne: false
      referencedRelation: "cluster"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "membership_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                },"profile": {
                  Row: {
                    "created_at": string,"full_name": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"full_name": string,"user_id": string
                  }
                  Update: {
                    "created_at"?: string,"full_name"?: string,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"story": {
                  Row: {
                    "address": string | null,"author_id": string,"base_version": number | null,"body": string,"client_created_at": string | null,"consent_given_by": string | null,"consent_method": string | null,"consent_recorded_at": string | null,"consent_withdrawn_at": string | null,"content_hash": string | null,"created_at": string,"id": string,"kind": string,"occurred_on": string,"published_at": string | null,"published_by": string | null,"review_note": string | null,"reviewed_at": string | null,"reviewed_by": string | null,"revision": number,"status": string,"subject_is_minor": boolean,"subject_kind": string,"subject_name": string,"title": string,"unit_id": string,"updated_at": string,"version": number
                  }
                  ComputedFields: never
                  Insert: {
                    "address"?: string | null,"author_id"?: string,"base_version"?: number | null,"body": string,"client_created_at"?: string | null,"consent_given_by"?: string | null,"consent_method"?: string | null,"consent_recorded_at"?: string | null,"consent_withdrawn_at"?: string | null,"content_hash"?: string | null,"created_at"?: string,"id": string,"kind": string,"occurred_on": string,"published_at"?: string | null,"published_by"?: string | null,"review_note"?: string | null,"reviewed_at"?: string | null,"reviewed_by"?: string | null,"revision"?: number,"status"?: string,"subject_is_minor"?: boolean,"subject_kind": string,"subject_name": string,"title": string,"unit_id": string,"updated_at"?: string,"version"?: number
                  }
                  Update: {
                    "address"?: string | null,"author_id"?: string,"base_version"?: number | null,"body"?: string,"client_created_at"?: string | null,"consent_given_by"?: string | null,"consent_method"?: string | null,"consent_recorded_at"?: string | null,"consent_withdrawn_at"?: string | null,"content_hash"?: string | null,"created_at"?: string,"id"?: string,"kind"?: string,"occurred_on"?: string,"published_at"?: string | null,"published_by"?: string | null,"review_note"?: string | null,"reviewed_at"?: string | null,"reviewed_by"?: string | null,"revision"?: number,"status"?: string,"subject_is_minor"?: boolean,"subject_kind"?: string,"subject_name"?: string,"title"?: string,"unit_id"?: string,"updated_at"?: string,"version"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "story_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                },"story_photo": {
                  Row: {
                    "byte_size": number,"caption": string | null,"content_type": string,"created_at": string,"height": number,"id": string,"position": number,"sha256": string,"storage_path": string,"story_id": string,"thumb_path": string | null,"width": number
                  }
                  ComputedFields: never
                  Insert: {
                    "byte_size": number,"caption"?: string | null,"content_type": string,"created_at"?: string,"height": number,"id": string,"position": number,"sha256": string,"storage_path": string,"story_id": string,"thumb_path"?: string | null,"width": number
                  }
                  Update: {
                    "byte_size"?: number,"caption"?: string | null,"content_type"?: string,"created_at"?: string,"height"?: number,"id"?: string,"position"?: number,"sha256"?: string,"storage_path"?: string,"story_id"?: string,"thumb_path"?: string | null,"width"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "story_photo_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "public_story"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "story_photo_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "story"
      referencedColumns: ["id"]
    }
                  ]
                },"unit": {
                  Row: {
                    "code": string,"created_at": string,"id": string,"kind": string,"name": string,"valid_from": string,"valid_to": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "code": string,"created_at"?: string,"id"?: string,"kind": string,"name": string,"valid_from"?: string,"valid_to"?: string | null
                  }
                  Update: {
                    "code"?: string,"created_at"?: string,"id"?: string,"kind"?: string,"name"?: string,"valid_from"?: string,"valid_to"?: string | null
                  }
                  Relationships: [
                    
                  ]
                },"unit_lineage": {
                  Row: {
                    "change": string,"created_at": string,"effective_on": string,"from_unit_id": string,"id": string,"note": string | null,"to_unit_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "change": string,"created_at"?: string,"effective_on": string,"from_unit_id": string,"id"?: string,"note"?: string | null,"to_unit_id": string
                  }
                  Update: {
                    "change"?: string,"created_at"?: string,"effective_on"?: string,"from_unit_id"?: string,"id"?: string,"note"?: string | null,"to_unit_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "unit_lineage_from_unit_id_fkey"
      columns: ["from_unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "unit_lineage_to_unit_id_fkey"
      columns: ["to_unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                }
          }
          Views: {
            "my_membership": {
                  Row: {
                    "cluster_id": string | null,"cluster_name": string | null,"id": string,"role": string,"unit_id": string | null,"unit_name": string | null,"year": number
                  }
                  ComputedFields: never
                  Relationships: [
                    {
      foreignKeyName: "membership_cluster_id_fkey"
      columns: ["cluster_id"]
isOneToOne: false
      referencedRelation: "cluster"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "membership_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                },"public_story": {
                  Row: {
                    "body": string,"cover_path": string | null,"cover_thumb_path": string | null,"id": string,"kind": string,"occurred_on": string,"published_at": string | null,"subject_kind": string,"subject_name": string,"title": string,"unit_id": string,"unit_name": string
                  }
                  ComputedFields: never
                  Relationships: [
                    {
      foreignKeyName: "story_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                },"public_story_photo": {
                  Row: {
                    "caption": string | null,"height": number,"id": string,"position": number,"storage_path": string,"story_id": string,"thumb_path": string | null,"width": number
                  }
                  ComputedFields: never
                  Relationships: [
                    {
      foreignKeyName: "story_photo_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "public_story"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "story_photo_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "story"
      referencedColumns: ["id"]
    }
                  ]
                }
          }
          Functions: {
            "has_conflict_of_interest":
{ Args: { "p_unit": string }; Returns: boolean
                           },
"merge_units":
{ Args: { "p_code": string,"p_effective_on": string,"p_from": (string)[],"p_kind": string,"p_name": string }; Returns: string
                           },
"split_unit":
{ Args: { "p_effective_on": string,"p_from": string,"p_into": Json }; Returns: string[]
                           },
"unit_ancestors":
{ Args: { "p_unit": string }; Returns: string[]
                           },
"unit_successors":
{ Args: { "p_unit": string }; Returns: string[]
                           }
          }
          Enums: {
            [_ in never]: never
          }
          CompositeTypes: {
            [_ in never]: never
          }
        }
}

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
  ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
      Row: infer R
    }
    ? R
    : never
  : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Insert: infer I
    }
    ? I
    : never
  : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Update: infer U
    }
    ? U
    : never
  : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
  ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
  : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
  ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
  : never

export const Constants = {
  "public": {
          Enums: {
            
          }
        }
} as const
