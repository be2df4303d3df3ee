
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  
  "public": {
          Tables: {
            "appraisal": {
                  Row: {
                    "appraised_at": string,"appraised_by": string,"conditions_ok": boolean,"documents_ok": boolean,"id": string,"nomination_id": string,"note": string | null,"outcome": string,"procedure_ok": boolean,"standards_ok": boolean
                  }
                  ComputedFields: never
                  Insert: {
                    "appraised_at"?: string,"appraised_by"?: string,"conditions_ok": boolean,"documents_ok": boolean,"id"?: string,"nomination_id": string,"note"?: string | null,"outcome": string,"procedure_ok": boolean,"standards_ok": boolean
                  }
                  Update: {
                    "appraised_at"?: string,"appraised_by"?: string,"conditions_ok"?: boolean,"documents_ok"?: boolean,"id"?: string,"nomination_id"?: string,"note"?: string | null,"outcome"?: string,"procedure_ok"?: boolean,"standards_ok"?: boolean
                  }
                  Relationships: [
                    {
      foreignKeyName: "appraisal_nomination_id_fkey"
      columns: ["nomination_id"]
isOneToOne: false
      referencedRelation: "nomination"
      referencedColumns: ["id"]
    }
                  ]
                },"assessment_round": {
                  Row: {
                    "created_at": string,"criteria_set_id": string,"decision_id": string | null,"id": string,"period": string,"published_at": string | null,"status": string,"year": number
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"criteria_set_id": string,"decision_id"?: string | null,"id"?: string,"period": string,"published_at"?: string | null,"status"?: string,"year": number
                  }
                  Update: {
                    "created_at"?: string,"criteria_set_id"?: string,"decision_id"?: string | null,"id"?: string,"period"?: string,"published_at"?: string | null,"status"?: string,"year"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "assessment_round_criteria_set_id_fkey"
      columns: ["criteria_set_id"]
isOneToOne: false
      referencedRelation: "criteria_set"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "assessment_round_decision_id_fkey"
      columns: ["decision_id"]
isOneToOne: false
      referencedRelation: "decision"
      referencedColumns: ["id"]
    }
                  ]
                },"award_form": {
                  Row: {
                    "applies_to": (string)[],"catalogue_version_id": string,"code": string,"conferred_by": string,"id": string,"name": string,"name_en": string | null,"position": number,"proposers": (string)[],"requirements": NonNullable<Json>
                  }
                  ComputedFields: never
                  Insert: {
                    "applies_to": (string)[],"catalogue_version_id": string,"code": string,"conferred_by": string,"id"?: string,"name": string,"name_en"?: string | null,"position"?: number,"proposers": (string)[],"requirements": NonNullable<Json>
                  }
                  Update: {
                    "applies_to"?: (string)[],"catalogue_version_id"?: string,"code"?: string,"conferred_by"?: string,"id"?: string,"name"?: string,"name_en"?: string | null,"position"?: number,"proposers"?: (string)[],"requirements"?: NonNullable<Json>
                  }
                  Relationships: [
                    {
      foreignKeyName: "award_form_catalogue_version_id_fkey"
      columns: ["catalogue_version_id"]
isOneToOne: false
      referencedRelation: "catalogue_version"
      referencedColumns: ["id"]
    }
                  ]
                },"calendar_token": {
                  Row: {
                    "created_at": string,"token_sha256": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"token_sha256": string,"user_id": string
                  }
                  Update: {
                    "created_at"?: string,"token_sha256"?: string,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"catalogue_version": {
                  Row: {
                    "code": string,"created_at": string,"id": string,"legal_basis": string,"name": string,"valid_from": string,"valid_to": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "code": string,"created_at"?: string,"id"?: string,"legal_basis": string,"name": string,"valid_from": string,"valid_to"?: string | null
                  }
                  Update: {
                    "code"?: string,"created_at"?: string,"id"?: string,"legal_basis"?: string,"name"?: string,"valid_from"?: string,"valid_to"?: string | null
                  }
                  Relationships: [
                    
                  ]
                },"cluster": {
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
                },"contest": {
                  Row: {
                    "closes_on": string,"created_at": string,"description": string,"id": string,"opens_on": string,"status": string,"title": string,"year": number
                  }
                  ComputedFields: never
                  Insert: {
                    "closes_on": string,"created_at"?: string,"description"?: string,"id"?: string,"opens_on": string,"status"?: string,"title": string,"year": number
                  }
                  Update: {
                    "closes_on"?: string,"created_at"?: string,"description"?: string,"id"?: string,"opens_on"?: string,"status"?: string,"title"?: string,"year"?: number
                  }
                  Relationships: [
                    
                  ]
                },"contest_entry": {
                  Row: {
                    "author_id": string,"body": string,"contest_id": string,"id": string,"pen_name": string,"published_at": string | null,"review_note": string | null,"reviewed_at": string | null,"reviewed_by": string | null,"status": string,"story_id": string | null,"submitted_at": string,"title": string
                  }
                  ComputedFields: never
                  Insert: {
                    "author_id"?: string,"body": string,"contest_id": string,"id"?: string,"pen_name": string,"published_at"?: string | null,"review_note"?: string | null,"reviewed_at"?: string | null,"reviewed_by"?: string | null,"status"?: string,"story_id"?: string | null,"submitted_at"?: string,"title": string
                  }
                  Update: {
                    "author_id"?: string,"body"?: string,"contest_id"?: string,"id"?: string,"pen_name"?: string,"published_at"?: string | null,"review_note"?: string | null,"reviewed_at"?: string | null,"reviewed_by"?: string | null,"status"?: string,"story_id"?: string | null,"submitted_at"?: string,"title"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "contest_entry_contest_id_fkey"
      columns: ["contest_id"]
isOneToOne: false
      referencedRelation: "contest"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "contest_entry_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "public_story"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "contest_entry_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "story"
      referencedColumns: ["id"]
    }
                  ]
                },"council_setting": {
                  Row: {
                    "threshold_percent": number,"updated_at": string,"updated_by": string | null,"year": number
                  }
                  ComputedFields: never
                  Insert: {
                    "threshold_percent"?: number,"updated_at"?: string,"updated_by"?: string | null,"year": number
                  }
                  Update: {
                    "threshold_percent"?: number,"updated_at"?: string,"updated_by"?: string | null,"year"?: number
                  }
                  Relationships: [
                    
                  ]
                },"council_vote": {
                  Row: {
                    "conflict_of_interest": boolean,"nomination_id": string,"vote": string,"voted_at": string,"voter_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "conflict_of_interest"?: boolean,"nomination_id": string,"vote": string,"voted_at"?: string,"voter_id"?: string
                  }
                  Update: {
                    "conflict_of_interest"?: boolean,"nomination_id"?: string,"vote"?: string,"voted_at"?: string,"voter_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "council_vote_nomination_id_fkey"
      columns: ["nomination_id"]
isOneToOne: false
      referencedRelation: "nomination"
      referencedColumns: ["id"]
    }
                  ]
                },"covenant": {
                  Row: {
                    "body": string,"body_sha256": string,"cluster_id": string,"created_at": string,"created_by": string | null,"id": string,"opened_at": string | null,"status": string,"title": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "body": string,"body_sha256"?: string,"cluster_id": string,"created_at"?: string,"created_by"?: string | null,"id"?: string,"opened_at"?: string | null,"status"?: string,"title": string,"updated_at"?: string
                  }
                  Update: {
                    "body"?: string,"body_sha256"?: string,"cluster_id"?: string,"created_at"?: string,"created_by"?: string | null,"id"?: string,"opened_at"?: string | null,"status"?: string,"title"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "covenant_cluster_id_fkey"
      columns: ["cluster_id"]
isOneToOne: true
      referencedRelation: "cluster"
      referencedColumns: ["id"]
    }
                  ]
                },"covenant_signature": {
                  Row: {
                    "body_sha256": string,"covenant_id": string,"signed_at": string,"signed_by": string,"signer_name": string,"unit_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "body_sha256"?: string,"covenant_id": string,"signed_at"?: string,"signed_by"?: string,"signer_name"?: string,"unit_id": string
                  }
                  Update: {
                    "body_sha256"?: string,"covenant_id"?: string,"signed_at"?: string,"signed_by"?: string,"signer_name"?: string,"unit_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "covenant_signature_covenant_id_fkey"
      columns: ["covenant_id"]
isOneToOne: false
      referencedRelation: "covenant"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "covenant_signature_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                },"criteria_set": {
                  Row: {
                    "created_at": string,"frozen_at": string | null,"frozen_by": string | null,"id": string,"status": string,"title": string,"updated_at": string,"year": number
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"frozen_at"?: string | null,"frozen_by"?: string | null,"id"?: string,"status"?: string,"title": string,"updated_at"?: string,"year": number
                  }
                  Update: {
                    "created_at"?: string,"frozen_at"?: string | null,"frozen_by"?: string | null,"id"?: string,"status"?: string,"title"?: string,"updated_at"?: string,"year"?: number
                  }
                  Relationships: [
                    
                  ]
                },"criterion": {
                  Row: {
                    "code": string,"criteria_set_id": string,"group_id": string,"guidance": string | null,"id": string,"kind": string,"max_points": number,"name": string,"position": number
                  }
                  ComputedFields: never
                  Insert: {
                    "code": string,"criteria_set_id": string,"group_id": string,"guidance"?: string | null,"id"?: string,"kind"?: string,"max_points": number,"name": string,"position"?: number
                  }
                  Update: {
                    "code"?: string,"criteria_set_id"?: string,"group_id"?: string,"guidance"?: string | null,"id"?: string,"kind"?: string,"max_points"?: number,"name"?: string,"position"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "criterion_criteria_set_id_fkey"
      columns: ["criteria_set_id"]
isOneToOne: false
      referencedRelation: "criteria_set"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "criterion_group_id_fkey"
      columns: ["group_id"]
isOneToOne: false
      referencedRelation: "criterion_group"
      referencedColumns: ["id"]
    }
                  ]
                },"criterion_group": {
                  Row: {
                    "code": string,"criteria_set_id": string,"id": string,"name": string,"position": number
                  }
                  ComputedFields: never
                  Insert: {
                    "code": string,"criteria_set_id": string,"id"?: string,"name": string,"position"?: number
                  }
                  Update: {
                    "code"?: string,"criteria_set_id"?: string,"id"?: string,"name"?: string,"position"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "criterion_group_criteria_set_id_fkey"
      columns: ["criteria_set_id"]
isOneToOne: false
      referencedRelation: "criteria_set"
      referencedColumns: ["id"]
    }
                  ]
                },"decision": {
                  Row: {
                    "created_at": string,"created_by": string | null,"id": string,"kind": string,"number": string,"reason": string | null,"signed_on": string,"title": string,"year": number
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"created_by"?: string | null,"id"?: string,"kind": string,"number": string,"reason"?: string | null,"signed_on": string,"title": string,"year": number
                  }
                  Update: {
                    "created_at"?: string,"created_by"?: string | null,"id"?: string,"kind"?: string,"number"?: string,"reason"?: string | null,"signed_on"?: string,"title"?: string,"year"?: number
                  }
                  Relationships: [
                    
                  ]
                },"dossier_file": {
                  Row: {
                    "byte_size": number,"content_type": string,"document_kind": string,"file_name": string,"id": string,"nomination_id": string,"storage_path": string,"uploaded_at": string,"uploaded_by": string
                  }
                  ComputedFields: never
                  Insert: {
                    "byte_size": number,"content_type": string,"document_kind": string,"file_name": string,"id"?: string,"nomination_id": string,"storage_path": string,"uploaded_at"?: string,"uploaded_by"?: string
                  }
                  Update: {
                    "byte_size"?: number,"content_type"?: string,"document_kind"?: string,"file_name"?: string,"id"?: string,"nomination_id"?: string,"storage_path"?: string,"uploaded_at"?: string,"uploaded_by"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "dossier_file_nomination_id_fkey"
      columns: ["nomination_id"]
isOneToOne: false
      referencedRelation: "nomination"
      referencedColumns: ["id"]
    }
                  ]
                },"emulation_title": {
                  Row: {
                    "applies_to": string,"catalogue_version_id": string,"code": string,"conferred_by": string,"id": string,"name": string,"name_en": string | null,"position": number
                  }
                  ComputedFields: never
                  Insert: {
                    "applies_to": string,"catalogue_version_id": string,"code": string,"conferred_by": string,"id"?: string,"name": string,"name_en"?: string | null,"position"?: number
                  }
                  Update: {
                    "applies_to"?: string,"catalogue_version_id"?: string,"code"?: string,"conferred_by"?: string,"id"?: string,"name"?: string,"name_en"?: string | null,"position"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "emulation_title_catalogue_version_id_fkey"
      columns: ["catalogue_version_id"]
isOneToOne: false
      referencedRelation: "catalogue_version"
      referencedColumns: ["id"]
    }
                  ]
                },"evidence": {
                  Row: {
                    "added_at": string,"added_by": string | null,"caption": string | null,"criterion_id": string,"id": string,"kind": string,"round_id": string,"storage_path": string | null,"story_id": string | null,"unit_id": string,"url": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "added_at"?: string,"added_by"?: string | null,"caption"?: string | null,"criterion_id": string,"id"?: string,"kind": string,"round_id": string,"storage_path"?: string | null,"story_id"?: string | null,"unit_id": string,"url"?: string | null
                  }
                  Update: {
                    "added_at"?: string,"added_by"?: string | null,"caption"?: string | null,"criterion_id"?: string,"id"?: string,"kind"?: string,"round_id"?: string,"storage_path"?: string | null,"story_id"?: string | null,"unit_id"?: string,"url"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "evidence_criterion_id_fkey"
      columns: ["criterion_id"]
isOneToOne: false
      referencedRelation: "criterion"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "evidence_round_id_fkey"
      columns: ["round_id"]
isOneToOne: false
      referencedRelation: "assessment_round"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "evidence_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "public_story"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "evidence_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "story"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "evidence_unit_id_fkey"
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
                },"milestone": {
                  Row: {
                    "code": string,"completion": string,"deliverable": string,"due_on": string,"id": string,"note": string | null,"plan_id": string,"position": number,"responsible": string,"title": string
                  }
                  ComputedFields: never
                  Insert: {
                    "code": string,"completion": string,"deliverable": string,"due_on": string,"id"?: string,"note"?: string | null,"plan_id": string,"position"?: number,"responsible": string,"title": string
                  }
                  Update: {
                    "code"?: string,"completion"?: string,"deliverable"?: string,"due_on"?: string,"id"?: string,"note"?: string | null,"plan_id"?: string,"position"?: number,"responsible"?: string,"title"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "milestone_plan_id_fkey"
      columns: ["plan_id"]
isOneToOne: false
      referencedRelation: "plan"
      referencedColumns: ["id"]
    }
                  ]
                },"milestone_report": {
                  Row: {
                    "cluster_id": string | null,"id": string,"milestone_id": string,"note": string | null,"reported_at": string,"reported_by": string,"unit_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "cluster_id"?: string | null,"id"?: string,"milestone_id": string,"note"?: string | null,"reported_at"?: string,"reported_by"?: string,"unit_id"?: string | null
                  }
                  Update: {
                    "cluster_id"?: string | null,"id"?: string,"milestone_id"?: string,"note"?: string | null,"reported_at"?: string,"reported_by"?: string,"unit_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "milestone_report_cluster_id_fkey"
      columns: ["cluster_id"]
isOneToOne: false
      referencedRelation: "cluster"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "milestone_report_milestone_id_fkey"
      columns: ["milestone_id"]
isOneToOne: false
      referencedRelation: "milestone"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "milestone_report_milestone_id_fkey"
      columns: ["milestone_id"]
isOneToOne: false
      referencedRelation: "milestone_status"
      referencedColumns: ["milestone_id"]
    },{
      foreignKeyName: "milestone_report_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                },"model_adoption": {
                  Row: {
                    "adopted_on": string,"created_at": string,"created_by": string,"id": string,"note": string | null,"story_id": string,"unit_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "adopted_on": string,"created_at"?: string,"created_by"?: string,"id"?: string,"note"?: string | null,"story_id": string,"unit_id": string
                  }
                  Update: {
                    "adopted_on"?: string,"created_at"?: string,"created_by"?: string,"id"?: string,"note"?: string | null,"story_id"?: string,"unit_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "model_adoption_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "public_story"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "model_adoption_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "story"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "model_adoption_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                },"movement": {
                  Row: {
                    "content": string,"created_at": string,"criteria_note": string | null,"ends_on": string | null,"id": string,"kind": string,"launched_at": string | null,"launched_by": string | null,"name": string,"starts_on": string,"status": string,"updated_at": string,"year": number
                  }
                  ComputedFields: never
                  Insert: {
                    "content"?: string,"created_at"?: string,"criteria_note"?: string | null,"ends_on"?: string | null,"id"?: string,"kind": string,"launched_at"?: string | null,"launched_by"?: string | null,"name": string,"starts_on": string,"status"?: string,"updated_at"?: string,"year": number
                  }
                  Update: {
                    "content"?: string,"created_at"?: string,"criteria_note"?: string | null,"ends_on"?: string | null,"id"?: string,"kind"?: string,"launched_at"?: string | null,"launched_by"?: string | null,"name"?: string,"starts_on"?: string,"status"?: string,"updated_at"?: string,"year"?: number
                  }
                  Relationships: [
                    
                  ]
                },"nomination": {
                  Row: {
                    "achievement_key": string | null,"achievements": string,"appraised_at": string | null,"appraised_by": string | null,"award_form_id": string,"cluster_reviewed_at": string | null,"cluster_reviewed_by": string | null,"code": string,"created_at": string,"created_by": string | null,"decided_at": string | null,"decision_id": string | null,"first_submitted_at": string | null,"id": string,"nominee_birth_year": number | null,"nominee_kind": string,"nominee_name": string,"nominee_position": string | null,"occasion": string,"proposed_by_cluster": boolean,"return_reason": string | null,"returned_at": string | null,"returned_by": string | null,"returned_from": string | null,"source_story_id": string | null,"status": string,"story_snapshot": Json | null,"submitted_at": string | null,"submitted_by": string | null,"unit_id": string,"updated_at": string,"voting_opened_at": string | null,"year": number
                  }
                  ComputedFields: never
                  Insert: {
                    "achievement_key"?: string | null,"achievements"?: string,"appraised_at"?: string | null,"appraised_by"?: string | null,"award_form_id": string,"cluster_reviewed_at"?: string | null,"cluster_reviewed_by"?: string | null,"code"?: string,"created_at"?: string,"created_by"?: string | null,"decided_at"?: string | null,"decision_id"?: string | null,"first_submitted_at"?: string | null,"id"?: string,"nominee_birth_year"?: number | null,"nominee_kind": string,"nominee_name": string,"nominee_position"?: string | null,"occasion": string,"proposed_by_cluster"?: boolean,"return_reason"?: string | null,"returned_at"?: string | null,"returned_by"?: string | null,"returned_from"?: string | null,"source_story_id"?: string | null,"status"?: string,"story_snapshot"?: Json | null,"submitted_at"?: string | null,"submitted_by"?: string | null,"unit_id": string,"updated_at"?: string,"voting_opened_at"?: string | null,"year": number
                  }
                  Update: {
                    "achievement_key"?: string | null,"achievements"?: string,"appraised_at"?: string | null,"appraised_by"?: string | null,"award_form_id"?: string,"cluster_reviewed_at"?: string | null,"cluster_reviewed_by"?: string | null,"code"?: string,"created_at"?: string,"created_by"?: string | null,"decided_at"?: string | null,"decision_id"?: string | null,"first_submitted_at"?: string | null,"id"?: string,"nominee_birth_year"?: number | null,"nominee_kind"?: string,"nominee_name"?: string,"nominee_position"?: string | null,"occasion"?: string,"proposed_by_cluster"?: boolean,"return_reason"?: string | null,"returned_at"?: string | null,"returned_by"?: string | null,"returned_from"?: string | null,"source_story_id"?: string | null,"status"?: string,"story_snapshot"?: Json | null,"submitted_at"?: string | null,"submitted_by"?: string | null,"unit_id"?: string,"updated_at"?: string,"voting_opened_at"?: string | null,"year"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "nomination_award_form_id_fkey"
      columns: ["award_form_id"]
isOneToOne: false
      referencedRelation: "award_form"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "nomination_decision_id_fkey"
      columns: ["decision_id"]
isOneToOne: false
      referencedRelation: "decision"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "nomination_source_story_id_fkey"
      columns: ["source_story_id"]
isOneToOne: false
      referencedRelation: "public_story"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "nomination_source_story_id_fkey"
      columns: ["source_story_id"]
isOneToOne: false
      referencedRelation: "story"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "nomination_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                },"nomination_event": {
                  Row: {
                    "action": string,"actor_id": string | null,"actor_name": string | null,"at": string,"changes": NonNullable<Json>,"from_status": string | null,"id": number,"nomination_id": string,"reason": string | null,"to_status": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "action": string,"actor_id"?: string | null,"actor_name"?: string | null,"at"?: string,"changes"?: NonNullable<Json>,"from_status"?: string | null,"id"?: never,"nomination_id": string,"reason"?: string | null,"to_status"?: string | null
                  }
                  Update: {
                    "action"?: string,"actor_id"?: string | null,"actor_name"?: string | null,"at"?: string,"changes"?: NonNullable<Json>,"from_status"?: string | null,"id"?: never,"nomination_id"?: string,"reason"?: string | null,"to_status"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "nomination_event_nomination_id_fkey"
      columns: ["nomination_id"]
isOneToOne: false
      referencedRelation: "nomination"
      referencedColumns: ["id"]
    }
                  ]
                },"plan": {
                  Row: {
                    "copied_from_plan_id": string | null,"created_at": string,"created_by": string | null,"document_ref": string | null,"id": string,"published_at": string | null,"published_by": string | null,"status": string,"title": string,"updated_at": string,"year": number
                  }
                  ComputedFields: never
                  Insert: {
                    "copied_from_plan_id"?: string | null,"created_at"?: string,"created_by"?: string | null,"document_ref"?: string | null,"id"?: string,"published_at"?: string | null,"published_by"?: string | null,"status"?: string,"title": string,"updated_at"?: string,"year": number
                  }
                  Update: {
                    "copied_from_plan_id"?: string | null,"created_at"?: string,"created_by"?: string | null,"document_ref"?: string | null,"id"?: string,"published_at"?: string | null,"published_by"?: string | null,"status"?: string,"title"?: string,"updated_at"?: string,"year"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "plan_copied_from_plan_id_fkey"
      columns: ["copied_from_plan_id"]
isOneToOne: false
      referencedRelation: "plan"
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
                },"registration": {
                  Row: {
                    "created_at": string,"created_by": string | null,"id": string,"note": string | null,"review_note": string | null,"reviewed_at": string | null,"reviewed_by": string | null,"status": string,"submitted_at": string | null,"submitted_by": string | null,"topics": (string)[],"unit_id": string,"updated_at": string,"year": number
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"created_by"?: string | null,"id"?: string,"note"?: string | null,"review_note"?: string | null,"reviewed_at"?: string | null,"reviewed_by"?: string | null,"status"?: string,"submitted_at"?: string | null,"submitted_by"?: string | null,"topics"?: (string)[],"unit_id": string,"updated_at"?: string,"year": number
                  }
                  Update: {
                    "created_at"?: string,"created_by"?: string | null,"id"?: string,"note"?: string | null,"review_note"?: string | null,"reviewed_at"?: string | null,"reviewed_by"?: string | null,"status"?: string,"submitted_at"?: string | null,"submitted_by"?: string | null,"topics"?: (string)[],"unit_id"?: string,"updated_at"?: string,"year"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "registration_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                },"registration_title": {
                  Row: {
                    "headcount": number | null,"registration_id": string,"title_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "headcount"?: number | null,"registration_id": string,"title_id": string
                  }
                  Update: {
                    "headcount"?: number | null,"registration_id"?: string,"title_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "registration_title_registration_id_fkey"
      columns: ["registration_id"]
isOneToOne: false
      referencedRelation: "registration"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "registration_title_title_id_fkey"
      columns: ["title_id"]
isOneToOne: false
      referencedRelation: "emulation_title"
      referencedColumns: ["id"]
    }
                  ]
                },"score": {
                  Row: {
                    "criterion_id": string,"points": number,"reason": string | null,"round_id": string,"scored_at": string,"scored_by": string | null,"stage": string,"unit_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "criterion_id": string,"points": number,"reason"?: string | null,"round_id": string,"scored_at"?: string,"scored_by"?: string | null,"stage": string,"unit_id": string
                  }
                  Update: {
                    "criterion_id"?: string,"points"?: number,"reason"?: string | null,"round_id"?: string,"scored_at"?: string,"scored_by"?: string | null,"stage"?: string,"unit_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "score_criterion_id_fkey"
      columns: ["criterion_id"]
isOneToOne: false
      referencedRelation: "criterion"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "score_round_id_fkey"
      columns: ["round_id"]
isOneToOne: false
      referencedRelation: "assessment_round"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "score_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                },"score_history": {
                  Row: {
                    "changed_at": string,"changed_by": string | null,"criterion_id": string,"decision_id": string | null,"id": number,"new_points": number | null,"old_points": number | null,"reason": string | null,"round_id": string,"stage": string,"unit_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "changed_at"?: string,"changed_by"?: string | null,"criterion_id": string,"decision_id"?: string | null,"id"?: never,"new_points"?: number | null,"old_points"?: number | null,"reason"?: string | null,"round_id": string,"stage": string,"unit_id": string
                  }
                  Update: {
                    "changed_at"?: string,"changed_by"?: string | null,"criterion_id"?: string,"decision_id"?: string | null,"id"?: never,"new_points"?: number | null,"old_points"?: number | null,"reason"?: string | null,"round_id"?: string,"stage"?: string,"unit_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "score_history_criterion_id_fkey"
      columns: ["criterion_id"]
isOneToOne: false
      referencedRelation: "criterion"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "score_history_decision_id_fkey"
      columns: ["decision_id"]
isOneToOne: false
      referencedRelation: "decision"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "score_history_round_id_fkey"
      columns: ["round_id"]
isOneToOne: false
      referencedRelation: "assessment_round"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "score_history_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                },"story": {
                  Row: {
                    "address": string | null,"author_id": string,"base_version": number | null,"body": string,"client_created_at": string | null,"consent_given_by": string | null,"consent_method": string | null,"consent_recorded_at": string | null,"consent_withdrawn_at": string | null,"content_hash": string | null,"created_at": string,"id": string,"kind": string,"movement_id": string | null,"occurred_on": string,"published_at": string | null,"published_by": string | null,"review_note": string | null,"reviewed_at": string | null,"reviewed_by": string | null,"revision": number,"search_tsv": unknown,"status": string,"subject_is_minor": boolean,"subject_kind": string,"subject_name": string,"title": string,"unit_id": string,"updated_at": string,"version": number
                  }
                  ComputedFields: never
                  Insert: {
                    "address"?: string | null,"author_id"?: string,"base_version"?: number | null,"body": string,"client_created_at"?: string | null,"consent_given_by"?: string | null,"consent_method"?: string | null,"consent_recorded_at"?: string | null,"consent_withdrawn_at"?: string | null,"content_hash"?: string | null,"created_at"?: string,"id": string,"kind": string,"movement_id"?: string | null,"occurred_on": string,"published_at"?: string | null,"published_by"?: string | null,"review_note"?: string | null,"reviewed_at"?: string | null,"reviewed_by"?: string | null,"revision"?: number,"search_tsv"?: never,"status"?: string,"subject_is_minor"?: boolean,"subject_kind": string,"subject_name": string,"title": string,"unit_id": string,"updated_at"?: string,"version"?: number
                  }
                  Update: {
                    "address"?: string | null,"author_id"?: string,"base_version"?: number | null,"body"?: string,"client_created_at"?: string | null,"consent_given_by"?: string | null,"consent_method"?: string | null,"consent_recorded_at"?: string | null,"consent_withdrawn_at"?: string | null,"content_hash"?: string | null,"created_at"?: string,"id"?: string,"kind"?: string,"movement_id"?: string | null,"occurred_on"?: string,"published_at"?: string | null,"published_by"?: string | null,"review_note"?: string | null,"reviewed_at"?: string | null,"reviewed_by"?: string | null,"revision"?: number,"search_tsv"?: never,"status"?: string,"subject_is_minor"?: boolean,"subject_kind"?: string,"subject_name"?: string,"title"?: string,"unit_id"?: string,"updated_at"?: string,"version"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "story_movement_id_fkey"
      columns: ["movement_id"]
isOneToOne: false
      referencedRelation: "movement"
      referencedColumns: ["id"]
    },{
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
                },"unit_result": {
                  Row: {
                    "cluster_id": string,"group_totals": NonNullable<Json>,"previous_rank": number | null,"rank": number | null,"rank_changed_at": string | null,"round_id": string,"scored_criteria": number,"self_total": number,"total": number,"unit_id": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "cluster_id": string,"group_totals"?: NonNullable<Json>,"previous_rank"?: number | null,"rank"?: number | null,"rank_changed_at"?: string | null,"round_id": string,"scored_criteria"?: number,"self_total"?: number,"total"?: number,"unit_id": string,"updated_at"?: string
                  }
                  Update: {
                    "cluster_id"?: string,"group_totals"?: NonNullable<Json>,"previous_rank"?: number | null,"rank"?: number | null,"rank_changed_at"?: string | null,"round_id"?: string,"scored_criteria"?: number,"self_total"?: number,"total"?: number,"unit_id"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "unit_result_cluster_id_fkey"
      columns: ["cluster_id"]
isOneToOne: false
      referencedRelation: "cluster"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "unit_result_round_id_fkey"
      columns: ["round_id"]
isOneToOne: false
      referencedRelation: "assessment_round"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "unit_result_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                }
          }
          Views: {
            "milestone_status": {
                  Row: {
                    "cluster_id": string | null,"cluster_name": string | null,"code": string,"completed_at": string | null,"completion": string,"deadline_at": string | null,"deliverable": string,"detail": string | null,"due_on": string,"milestone_id": string,"party_kind": string | null,"plan_id": string,"position": number,"responsible": string,"title": string,"unit_id": string | null,"unit_name": string | null,"year": number
                  }
                  ComputedFields: never
                  Relationships: [
                    {
      foreignKeyName: "milestone_plan_id_fkey"
      columns: ["plan_id"]
isOneToOne: false
      referencedRelation: "plan"
      referencedColumns: ["id"]
    }
                  ]
                },"my_membership": {
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
                },"public_contest_entry": {
                  Row: {
                    "body": string,"contest_id": string,"id": string,"pen_name": string,"published_at": string | null,"story_id": string | null,"story_title": string | null,"title": string
                  }
                  ComputedFields: never
                  Relationships: [
                    {
      foreignKeyName: "contest_entry_contest_id_fkey"
      columns: ["contest_id"]
isOneToOne: false
      referencedRelation: "contest"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "contest_entry_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "public_story"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "contest_entry_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "story"
      referencedColumns: ["id"]
    }
                  ]
                },"public_model_adoption": {
                  Row: {
                    "adopted_on": string,"story_id": string,"unit_id": string,"unit_name": string
                  }
                  ComputedFields: never
                  Relationships: [
                    {
      foreignKeyName: "model_adoption_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "public_story"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "model_adoption_story_id_fkey"
      columns: ["story_id"]
isOneToOne: false
      referencedRelation: "story"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "model_adoption_unit_id_fkey"
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
                },"standings": {
                  Row: {
                    "cluster_id": string,"cluster_name": string,"decision_number": string | null,"decision_signed_on": string | null,"gap_to_next": number | null,"group_totals": NonNullable<Json>,"official": boolean | null,"period": string,"previous_rank": number | null,"published_at": string | null,"rank": number | null,"rank_change": number | null,"round_id": string,"scored_criteria": number,"self_total": number,"total": number,"unit_id": string,"unit_name": string,"updated_at": string,"year": number
                  }
                  ComputedFields: never
                  Relationships: [
                    {
      foreignKeyName: "unit_result_cluster_id_fkey"
      columns: ["cluster_id"]
isOneToOne: false
      referencedRelation: "cluster"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "unit_result_round_id_fkey"
      columns: ["round_id"]
isOneToOne: false
      referencedRelation: "assessment_round"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "unit_result_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "unit"
      referencedColumns: ["id"]
    }
                  ]
                }
          }
          Functions: {
            "calendar_feed":
{ Args: { "p_token": string }; Returns: {
              "code": string,"deadline_at": string,"deliverable": string,"due_on": string,"milestone_id": string,"responsible": string,"title": string,"updated_at": string,"year": number
            }[]
                           },
"calendar_token_valid":
{ Args: { "p_token": string }; Returns: boolean
                           },
"copy_plan":
{ Args: { "p_source": string,"p_title"?: string,"p_year": number }; Returns: string
                           },
"correct_result":
{ Args: { "p_criterion": string,"p_number": string,"p_points": number,"p_reason": string,"p_round": string,"p_signed_on": string,"p_unit": string }; Returns: string
                           },
"decide_nominations":
{ Args: { "p_ids": (string)[],"p_number": string,"p_signed_on": string,"p_title": string }; Returns: string
                           },
"gallery_facets":
{ Args: Record<PropertyKey, never>; Returns: {
              "facet": string,"id": string,"name": string,"stories": number
            }[]
                           },
"has_conflict_of_interest":
{ Args: { "p_unit": string }; Returns: boolean
                           },
"issue_calendar_token":
{ Args: Record<PropertyKey, never>; Returns: string
                           },
"merge_units":
{ Args: { "p_code": string,"p_effective_on": string,"p_from": (string)[],"p_kind": string,"p_name": string }; Returns: string
                           },
"nomination_deadline":
{ Args: { "p_occasion": string,"p_year": number }; Returns: string
                           },
"nomination_tally":
{ Args: { "p_nomination": string }; Returns: Record<string, unknown>
                           },
"publish_round":
{ Args: { "p_number": string,"p_round": string,"p_signed_on": string,"p_title": string }; Returns: string
                           },
"search_public_stories":
{ Args: { "p_kind"?: string,"p_limit"?: number,"p_movement"?: string,"p_offset"?: number,"p_query"?: string,"p_unit"?: string,"p_year"?: number }; Returns: {
              "cover_height": number,"cover_path": string,"cover_thumb_path": string,"cover_width": number,"exact": boolean,"id": string,"kind": string,"movement_id": string,"movement_name": string,"occurred_on": string,"published_at": string,"rank": number,"title": string,"total": number,"unit_id": string,"unit_name": string
            }[]
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
