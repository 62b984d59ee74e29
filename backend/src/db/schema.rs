//! The tables, as diesel sees them. One schema serves SQLite and PostgreSQL: ids are
//! 64-bit integers and times are UTC `TIMESTAMP`s on both.

diesel::table! {
    organisations (id) {
        id -> BigInt,
        name -> Text,
        name_key -> Text,
        short_name -> Text,
        kind -> Text,
        municipality -> Text,
        search -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        org_id -> BigInt,
        email -> Text,
        full_name -> Text,
        password_hash -> Text,
        is_active -> Bool,
        is_platform_admin -> Bool,
        locale -> Text,
        search -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    user_roles (user_id, role) {
        user_id -> BigInt,
        role -> Text,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        family_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    events (id) {
        id -> BigInt,
        org_id -> BigInt,
        role -> Text,
        organiser_name -> Text,
        kind -> Text,
        level -> Text,
        title -> Text,
        description -> Text,
        starts_on -> Date,
        ends_on -> Date,
        time_text -> Text,
        place -> Text,
        online_url -> Text,
        speakers -> Text,
        open_to_city -> Bool,
        capacity -> Nullable<Integer>,
        status -> Text,
        feedback_requested_at -> Nullable<Timestamp>,
        search -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    event_resources (event_id, resource_id) {
        event_id -> BigInt,
        resource_id -> BigInt,
        position -> Integer,
    }
}

diesel::table! {
    event_registrations (id) {
        id -> BigInt,
        event_id -> BigInt,
        user_id -> BigInt,
        org_id -> BigInt,
        status -> Text,
        code -> Text,
        attended -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    event_feedback (event_id, user_id) {
        event_id -> BigInt,
        user_id -> BigInt,
        csat -> Integer,
        comment -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    fair_stands (id) {
        id -> BigInt,
        event_id -> BigInt,
        org_id -> BigInt,
        title -> Text,
        description -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    fair_stand_resources (stand_id, resource_id) {
        stand_id -> BigInt,
        resource_id -> BigInt,
        position -> Integer,
    }
}

diesel::table! {
    stand_ratings (stand_id, user_id) {
        stand_id -> BigInt,
        user_id -> BigInt,
        score -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    consultations (id) {
        id -> BigInt,
        host_org_id -> BigInt,
        recipient_org_id -> BigInt,
        resource_id -> Nullable<BigInt>,
        topic -> Text,
        question -> Text,
        search -> Text,
        status -> Text,
        scheduled_on -> Nullable<Date>,
        held_on -> Nullable<Date>,
        form -> Nullable<Text>,
        place -> Text,
        consultants -> Text,
        participants -> Text,
        participant_count -> Nullable<Integer>,
        outcome -> Text,
        follow_ups -> Text,
        reason -> Nullable<Text>,
        requested_by -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    consultation_feedback (id) {
        id -> BigInt,
        consultation_id -> BigInt,
        host_org_id -> BigInt,
        recipient_org_id -> BigInt,
        respondent_id -> BigInt,
        respondent_name -> Text,
        csat -> Integer,
        recommend -> Integer,
        ready -> Bool,
        comment -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(sessions -> users (user_id));

diesel::table! {
    login_failures (id) {
        id -> BigInt,
        email -> Text,
        failed_at -> Timestamp,
        address -> Text,
    }
}

diesel::joinable!(users -> organisations (org_id));
diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(refresh_tokens -> users (user_id));

diesel::table! {
    projects (id) {
        id -> BigInt,
        org_id -> BigInt,
        title -> Text,
        problem -> Text,
        origin -> Text,
        competition -> Nullable<Text>,
        customer_org_id -> Nullable<BigInt>,
        level -> Text,
        platform_status -> Nullable<Text>,
        supervisor_id -> Nullable<BigInt>,
        supervisor_name -> Nullable<Text>,
        start_year -> Integer,
        end_year -> Integer,
        status -> Text,
        search -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        supervisor_affiliation -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    resources (id) {
        id -> BigInt,
        project_id -> BigInt,
        org_id -> BigInt,
        title -> Text,
        description -> Text,
        form -> Text,
        element -> Nullable<Text>,
        hours -> Nullable<Integer>,
        programme_format -> Nullable<Text>,
        licence -> Text,
        visibility -> Text,
        stage -> Text,
        search -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    resource_authors (resource_id, position) {
        resource_id -> BigInt,
        position -> Integer,
        user_id -> Nullable<BigInt>,
        name -> Text,
        share -> Integer,
    }
}

diesel::table! {
    resource_kit_items (resource_id, position) {
        resource_id -> BigInt,
        position -> Integer,
        item_type -> Text,
        title -> Text,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        org_id -> Nullable<BigInt>,
        actor_id -> Nullable<BigInt>,
        entity -> Text,
        entity_id -> BigInt,
        action -> Text,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::table! {
    resource_versions (id) {
        id -> BigInt,
        resource_id -> BigInt,
        number -> Integer,
        kind -> Text,
        notes -> Text,
        authors_json -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    resource_files (id) {
        id -> BigInt,
        version_id -> BigInt,
        resource_id -> BigInt,
        file_name -> Text,
        content_type -> Text,
        size -> BigInt,
        sha256 -> Text,
        storage_key -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    requests (id) {
        id -> BigInt,
        requester_org_id -> BigInt,
        requester_id -> BigInt,
        target_org_id -> Nullable<BigInt>,
        resource_id -> Nullable<BigInt>,
        need -> Text,
        audience -> Text,
        desired_form -> Nullable<Text>,
        deadline -> Nullable<Date>,
        status -> Text,
        decision_note -> Nullable<Text>,
        search -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    request_events (id) {
        id -> BigInt,
        request_id -> BigInt,
        status -> Text,
        actor_id -> Nullable<BigInt>,
        org_id -> Nullable<BigInt>,
        note -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::table! {
    lifecycle_transitions (id) {
        id -> BigInt,
        resource_id -> BigInt,
        from_stage -> Text,
        to_stage -> Text,
        actor_id -> Nullable<BigInt>,
        reason -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::table! {
    deliveries (id) {
        id -> BigInt,
        resource_id -> BigInt,
        version_id -> BigInt,
        org_id -> BigInt,
        recipient_org_id -> BigInt,
        delivered_on -> Date,
        form -> Text,
        contact -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        confirmed_by -> Nullable<BigInt>,
        feedback_links_issued -> Integer,
        recipients -> Integer,
    }
}

diesel::table! {
    feedback_links (jti) {
        jti -> Text,
        delivery_id -> BigInt,
        respondent -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        respondent_email -> Nullable<Text>,
    }
}

diesel::table! {
    feedback (id) {
        id -> BigInt,
        delivery_id -> BigInt,
        resource_id -> BigInt,
        org_id -> BigInt,
        recipient_org_id -> BigInt,
        respondent_key -> Text,
        respondent_user_id -> Nullable<BigInt>,
        respondent_name -> Text,
        csat -> Integer,
        recommend -> Integer,
        ready -> Bool,
        comment -> Text,
        via -> Text,
        created_at -> Timestamp,
        respondent_email -> Nullable<Text>,
    }
}

diesel::table! {
    ranking_rounds (id) {
        id -> BigInt,
        org_id -> BigInt,
        school_year -> Integer,
        frozen_at -> Nullable<Timestamp>,
        frozen_by -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    ranking_criteria (round_id, position) {
        round_id -> BigInt,
        position -> Integer,
        title -> Text,
        weight -> Integer,
    }
}

diesel::table! {
    problems (id) {
        id -> BigInt,
        round_id -> BigInt,
        org_id -> BigInt,
        title -> Text,
        description -> Text,
        evidence -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    problem_scores (problem_id, member_id, position) {
        problem_id -> BigInt,
        member_id -> BigInt,
        position -> Integer,
        score -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    project_problems (project_id, problem_id) {
        project_id -> BigInt,
        problem_id -> BigInt,
    }
}

diesel::table! {
    project_directions (project_id, position) {
        project_id -> BigInt,
        position -> Integer,
        title -> Text,
    }
}

diesel::table! {
    platform_confirmations (id) {
        id -> BigInt,
        project_id -> BigInt,
        school_year -> Integer,
        confirmed_on -> Date,
        basis -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    structures (id) {
        id -> BigInt,
        org_id -> BigInt,
        project_id -> BigInt,
        kind -> Text,
        name -> Text,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    structure_members (structure_id, user_id) {
        structure_id -> BigInt,
        user_id -> BigInt,
        function -> Text,
        competence -> Text,
    }
}

diesel::table! {
    structure_approvals (id) {
        id -> BigInt,
        structure_id -> BigInt,
        number -> Integer,
        members_json -> Text,
        approved_by -> Nullable<BigInt>,
        approved_at -> Timestamp,
        structure_version -> Nullable<Integer>,
    }
}

diesel::table! {
    document_versions (id) {
        id -> BigInt,
        project_id -> BigInt,
        org_id -> BigInt,
        kind -> Text,
        number -> Integer,
        content_json -> Text,
        note -> Text,
        status -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        decided_by -> Nullable<BigInt>,
        decided_at -> Nullable<Timestamp>,
        version -> Integer,
    }
}

diesel::table! {
    review_comments (id) {
        id -> BigInt,
        version_id -> BigInt,
        author_id -> Nullable<BigInt>,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    plan_items (id) {
        id -> BigInt,
        project_id -> BigInt,
        org_id -> BigInt,
        school_year -> Integer,
        action -> Text,
        responsible_id -> Nullable<BigInt>,
        responsible_name -> Text,
        deadline -> Date,
        expected_result -> Text,
        status -> Text,
        evidence -> Text,
        done_on -> Nullable<Date>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    indicators (id) {
        id -> BigInt,
        project_id -> BigInt,
        org_id -> BigInt,
        title -> Text,
        unit -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    indicator_values (indicator_id, school_year) {
        indicator_id -> BigInt,
        school_year -> Integer,
        target -> Double,
        actual -> Nullable<Double>,
    }
}

diesel::table! {
    orders (id) {
        id -> BigInt,
        org_id -> BigInt,
        project_id -> BigInt,
        number -> Text,
        issued_on -> Date,
        school_year -> Integer,
        title -> Text,
        body_json -> Text,
        signatory_name -> Text,
        signatory_position -> Text,
        status -> Text,
        supersedes_id -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        issued_by -> Nullable<BigInt>,
        issued_at -> Nullable<Timestamp>,
        version -> Integer,
    }
}

diesel::table! {
    attachments (id) {
        id -> BigInt,
        org_id -> BigInt,
        owner_kind -> Text,
        owner_id -> BigInt,
        file_name -> Text,
        content_type -> Text,
        size -> BigInt,
        sha256 -> Text,
        storage_key -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    pilots (id) {
        id -> BigInt,
        org_id -> BigInt,
        resource_id -> BigInt,
        version_id -> BigInt,
        starts_on -> Date,
        ends_on -> Date,
        teachers -> Integer,
        classes -> Text,
        pupils -> Integer,
        method -> Text,
        interim_results -> Text,
        final_results -> Text,
        conclusion -> Nullable<Text>,
        concluded_on -> Nullable<Date>,
        concluded_by -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    pilot_sites (pilot_id, org_id) {
        pilot_id -> BigInt,
        org_id -> BigInt,
        position -> Integer,
    }
}

diesel::table! {
    risks (id) {
        id -> BigInt,
        org_id -> BigInt,
        project_id -> Nullable<BigInt>,
        pilot_id -> Nullable<BigInt>,
        title -> Text,
        category -> Text,
        likelihood -> Integer,
        impact -> Integer,
        score -> Integer,
        mitigation -> Text,
        owner_id -> BigInt,
        status -> Text,
        next_review_on -> Nullable<Date>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    risk_changes (id) {
        id -> BigInt,
        risk_id -> BigInt,
        actor_id -> Nullable<BigInt>,
        at -> Timestamp,
        field -> Text,
        from_value -> Nullable<Text>,
        to_value -> Nullable<Text>,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    /// The read model: one row per resource with the figures lists show.
    resource_stats (resource_id) {
        resource_id -> BigInt,
        org_id -> BigInt,
        project_id -> BigInt,
        responses -> BigInt,
        by_link -> BigInt,
        satisfied -> BigInt,
        promoters -> BigInt,
        passives -> BigInt,
        detractors -> BigInt,
        ready -> BigInt,
        requests -> BigInt,
        deliveries -> BigInt,
        adopting_schools -> BigInt,
        respondents -> BigInt,
    }
}

diesel::table! {
    /// The read model: one row per organisation with the figures the registry shows.
    school_stats (org_id) {
        org_id -> BigInt,
        projects -> BigInt,
        active_projects -> BigInt,
        resources -> BigInt,
        published_resources -> BigInt,
        requests_received -> BigInt,
        responses -> BigInt,
        by_link -> BigInt,
        satisfied -> BigInt,
        promoters -> BigInt,
        passives -> BigInt,
        detractors -> BigInt,
        ready -> BigInt,
        requests -> BigInt,
        deliveries -> BigInt,
        adoptions -> BigInt,
        adopting_schools -> BigInt,
        respondents -> BigInt,
    }
}

diesel::table! {
    /// The read model: the schools each resource reached.
    resource_adopters (resource_id, recipient_org_id) {
        resource_id -> BigInt,
        recipient_org_id -> BigInt,
    }
}

diesel::table! {
    /// The read model: the schools each school's resources reached.
    school_adopters (org_id, recipient_org_id) {
        org_id -> BigInt,
        recipient_org_id -> BigInt,
    }
}

diesel::table! {
    /// The read model: who answered about each resource (the e-mail, or an old answer's
    /// respondent key).
    resource_respondents (resource_id, respondent) {
        resource_id -> BigInt,
        respondent -> Text,
    }
}

diesel::table! {
    /// The read model: who answered about each school's resources.
    school_respondents (org_id, respondent) {
        org_id -> BigInt,
        respondent -> Text,
    }
}

diesel::table! {
    /// The read model: each school's dissemination figures per school year.
    school_year_stats (org_id, school_year) {
        org_id -> BigInt,
        school_year -> Integer,
        pilots -> BigInt,
        pilot_sites -> BigInt,
        pilot_pupils -> BigInt,
        risks_open -> BigInt,
        risks_closed -> BigInt,
        cohorts -> BigInt,
        teachers_trained -> BigInt,
        training_hours -> BigInt,
        certificates -> BigInt,
        consultations -> BigInt,
        consultation_participants -> BigInt,
        events_by_kind -> Text,
        events_by_level -> Text,
        attendees -> BigInt,
        fair_stands -> BigInt,
        fair_ratings -> BigInt,
        fair_score_sum -> BigInt,
        requests -> BigInt,
        deliveries -> BigInt,
        responses -> BigInt,
        satisfied -> BigInt,
        schools_reached -> BigInt,
    }
}

diesel::table! {
    /// The read model: schools and school years a write changed, until it recomputes them.
    read_model_dirty (id) {
        id -> BigInt,
        org_id -> BigInt,
        first_year -> Integer,
        last_year -> Integer,
        parts -> Integer,
    }
}

diesel::table! {
    /// The read model: list totals by list and filter (`catalogue`, `catalogue.form:…`).
    list_counts (name) {
        name -> Text,
        total -> BigInt,
    }
}

diesel::table! {
    /// The read model: the catalogue's totals per range of ids (`bucket` = id / 256), by
    /// the names of `list_counts`.
    list_buckets (name, bucket) {
        name -> Text,
        bucket -> BigInt,
        total -> BigInt,
    }
}

diesel::table! {
    /// SQLite only: the FTS5 trigram index of `resources.search` (an external-content
    /// table kept by triggers; PostgreSQL has a trigram GIN index on the column instead).
    resources_search (rowid) {
        rowid -> BigInt,
        search -> Text,
    }
}

diesel::table! {
    cohorts (id) {
        id -> BigInt,
        org_id -> BigInt,
        resource_id -> BigInt,
        title -> Text,
        starts_on -> Date,
        ends_on -> Date,
        format -> Text,
        hours -> Integer,
        capacity -> Integer,
        place -> Text,
        online_link -> Text,
        trainers -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        attendance_threshold -> Integer,
    }
}

diesel::table! {
    cohort_sessions (id) {
        id -> BigInt,
        cohort_id -> BigInt,
        held_on -> Date,
        topic -> Text,
        hours -> Integer,
    }
}

diesel::table! {
    enrolments (id) {
        id -> BigInt,
        cohort_id -> BigInt,
        host_org_id -> BigInt,
        user_id -> BigInt,
        user_org_id -> BigInt,
        status -> Text,
        enrolled_by -> BigInt,
        enrolled_at -> Timestamp,
        queued_at -> Timestamp,
        completed_on -> Nullable<Date>,
        completed_by -> Nullable<BigInt>,
        hours -> Nullable<Integer>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    cohort_attendance (session_id, enrolment_id) {
        session_id -> BigInt,
        enrolment_id -> BigInt,
        marked_by -> Nullable<BigInt>,
        marked_at -> Timestamp,
    }
}

diesel::table! {
    certificate_counters (org_id, year) {
        org_id -> BigInt,
        year -> Integer,
        last_number -> Integer,
    }
}

diesel::table! {
    certificates (id) {
        id -> BigInt,
        enrolment_id -> BigInt,
        number -> Text,
        org_id -> BigInt,
        year -> Integer,
        sequence -> Integer,
        kind -> Text,
        full_name -> Text,
        holder_org_name -> Text,
        programme -> Text,
        cohort_title -> Text,
        hours -> Integer,
        starts_on -> Date,
        ends_on -> Date,
        issuer_name -> Text,
        issued_on -> Date,
        created_at -> Timestamp,
        code -> Text,
        revoked_on -> Nullable<Date>,
        revoked_reason -> Nullable<Text>,
        revoked_by -> Nullable<BigInt>,
    }
}

diesel::joinable!(resources -> projects (project_id));
diesel::joinable!(problems -> ranking_rounds (round_id));
diesel::joinable!(problem_scores -> problems (problem_id));
diesel::joinable!(structure_members -> structures (structure_id));
diesel::joinable!(structure_members -> users (user_id));
diesel::joinable!(plan_items -> projects (project_id));
diesel::joinable!(request_events -> requests (request_id));
diesel::joinable!(resource_versions -> resources (resource_id));
diesel::joinable!(resource_files -> resource_versions (version_id));
diesel::joinable!(resource_authors -> resources (resource_id));
diesel::joinable!(resource_kit_items -> resources (resource_id));
diesel::joinable!(pilots -> resource_versions (version_id));
diesel::joinable!(pilot_sites -> pilots (pilot_id));
diesel::joinable!(pilot_sites -> organisations (org_id));
diesel::joinable!(risk_changes -> risks (risk_id));
diesel::joinable!(cohorts -> resources (resource_id));
diesel::joinable!(cohort_sessions -> cohorts (cohort_id));
diesel::joinable!(enrolments -> cohorts (cohort_id));
diesel::joinable!(cohort_attendance -> cohort_sessions (session_id));
diesel::joinable!(cohort_attendance -> enrolments (enrolment_id));
diesel::joinable!(certificates -> enrolments (enrolment_id));

diesel::joinable!(event_resources -> events (event_id));
diesel::joinable!(event_resources -> resources (resource_id));
diesel::joinable!(event_registrations -> events (event_id));
diesel::joinable!(event_registrations -> users (user_id));
diesel::joinable!(event_feedback -> events (event_id));
diesel::joinable!(fair_stands -> events (event_id));
diesel::joinable!(fair_stand_resources -> fair_stands (stand_id));
diesel::joinable!(fair_stand_resources -> resources (resource_id));
diesel::joinable!(stand_ratings -> fair_stands (stand_id));
diesel::joinable!(consultation_feedback -> consultations (consultation_id));
diesel::allow_tables_to_appear_in_same_query!(
    organisations,
    users,
    user_roles,
    refresh_tokens,
    sessions,
    login_failures,
    projects,
    resources,
    resource_authors,
    resource_kit_items,
    resource_versions,
    resource_files,
    requests,
    request_events,
    lifecycle_transitions,
    deliveries,
    feedback_links,
    feedback,
    audit_log,
    ranking_rounds,
    ranking_criteria,
    problems,
    problem_scores,
    project_problems,
    project_directions,
    platform_confirmations,
    structures,
    structure_members,
    structure_approvals,
    document_versions,
    review_comments,
    plan_items,
    indicators,
    indicator_values,
    orders,
    attachments,
    pilots,
    pilot_sites,
    risks,
    risk_changes,
    resource_stats,
    school_stats,
    resource_adopters,
    school_adopters,
    resource_respondents,
    school_respondents,
    list_counts,
    list_buckets,
    school_year_stats,
    read_model_dirty,
    resources_search,
    cohorts,
    cohort_sessions,
    enrolments,
    cohort_attendance,
    certificate_counters,
    certificates,
    events,
    event_resources,
    event_registrations,
    event_feedback,
    fair_stands,
    fair_stand_resources,
    stand_ratings,
    consultations,
    consultation_feedback,
);
