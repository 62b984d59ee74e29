-- Innovation projects (scientific-methodological assignments), their educational
-- resources with authors and kit items, and the audit trail of every change.
CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    problem TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('competitive', 'own_initiative')),
    competition TEXT,
    customer_org_id BIGINT REFERENCES organisations (id),
    level TEXT NOT NULL CHECK (level IN ('laboratory', 'platform')),
    platform_status TEXT CHECK (platform_status IN ('municipal', 'regional')),
    supervisor_id BIGINT REFERENCES users (id),
    supervisor_name TEXT,
    start_year INTEGER NOT NULL,
    end_year INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'completed', 'closed')),
    search TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX projects_org_idx ON projects (org_id, start_year, id);
CREATE INDEX projects_status_idx ON projects (status, id);

CREATE TABLE resources (
    id INTEGER PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    form TEXT NOT NULL CHECK (form IN ('methodological_development', 'training_programme', 'material_kit')),
    element TEXT CHECK (element IN ('content', 'technology', 'teaching_forms', 'effectiveness_monitoring', 'activity_models', 'other')),
    hours INTEGER,
    programme_format TEXT CHECK (programme_format IN ('in_person', 'distance', 'blended')),
    licence TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('internal', 'published')),
    stage TEXT NOT NULL CHECK (stage IN ('request', 'design', 'production', 'delivery', 'satisfaction')),
    search TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX resources_project_idx ON resources (project_id, id);
CREATE INDEX resources_org_idx ON resources (org_id, stage, id);
CREATE INDEX resources_catalogue_idx ON resources (visibility, form, id);

CREATE TABLE resource_authors (
    resource_id BIGINT NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    user_id BIGINT REFERENCES users (id),
    name TEXT NOT NULL,
    share INTEGER NOT NULL CHECK (share BETWEEN 1 AND 100),
    PRIMARY KEY (resource_id, position)
);

CREATE TABLE resource_kit_items (
    resource_id BIGINT NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item_type TEXT NOT NULL CHECK (item_type IN ('normative_act', 'methodological_recommendations', 'teaching_kit', 'assessment_materials', 'textbook', 'other')),
    title TEXT NOT NULL,
    PRIMARY KEY (resource_id, position)
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    org_id BIGINT REFERENCES organisations (id),
    actor_id BIGINT REFERENCES users (id),
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    action TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT,
    at TIMESTAMP NOT NULL
);
CREATE INDEX audit_log_org_idx ON audit_log (org_id, id);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id);
