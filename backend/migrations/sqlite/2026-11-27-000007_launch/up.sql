-- Launching and running a project (Regulation section 4): the ranked problems, the
-- project card's additions, managing structures with their approvals, the document
-- package with council review, the work plan, the results indicators and the orders.

-- 4.1 Problem-oriented analysis: one ranking round per school and school year.
CREATE TABLE ranking_rounds (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    school_year INTEGER NOT NULL,
    frozen_at TIMESTAMP,
    frozen_by BIGINT REFERENCES users (id),
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX ranking_rounds_year_key ON ranking_rounds (org_id, school_year);

CREATE TABLE ranking_criteria (
    round_id BIGINT NOT NULL REFERENCES ranking_rounds (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 10),
    PRIMARY KEY (round_id, position)
);

CREATE TABLE problems (
    id INTEGER PRIMARY KEY,
    round_id BIGINT NOT NULL REFERENCES ranking_rounds (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    evidence TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX problems_round_idx ON problems (round_id, id);

CREATE TABLE problem_scores (
    problem_id BIGINT NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
    member_id BIGINT NOT NULL REFERENCES users (id),
    position INTEGER NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (problem_id, member_id, position)
);

-- The launch decision cites the problems a project answers.
CREATE TABLE project_problems (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    problem_id BIGINT NOT NULL REFERENCES problems (id),
    PRIMARY KEY (project_id, problem_id)
);
CREATE INDEX project_problems_problem_idx ON project_problems (problem_id);

-- The project card: an external supervisor's affiliation, the directions of work and
-- the yearly confirmation of a platform's status.
ALTER TABLE projects ADD COLUMN supervisor_affiliation TEXT;

CREATE TABLE project_directions (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (project_id, position)
);

CREATE TABLE platform_confirmations (
    id INTEGER PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    school_year INTEGER NOT NULL,
    confirmed_on DATE NOT NULL,
    basis TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX platform_confirmations_year_key ON platform_confirmations (project_id, school_year);

-- 4.2 Managing structures, their members and the director's approvals.
CREATE TABLE structures (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    project_id BIGINT NOT NULL REFERENCES projects (id),
    kind TEXT NOT NULL CHECK (kind IN ('council', 'creative_group', 'laboratory', 'department')),
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'changed')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX structures_project_idx ON structures (project_id, id);
CREATE INDEX structures_org_idx ON structures (org_id, status);

CREATE TABLE structure_members (
    structure_id BIGINT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    function TEXT NOT NULL CHECK (function IN ('head', 'secretary', 'member', 'expert')),
    competence TEXT NOT NULL,
    PRIMARY KEY (structure_id, user_id)
);

CREATE TABLE structure_approvals (
    id INTEGER PRIMARY KEY,
    structure_id BIGINT NOT NULL REFERENCES structures (id),
    number INTEGER NOT NULL,
    members_json TEXT NOT NULL,
    approved_by BIGINT REFERENCES users (id),
    approved_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX structure_approvals_number_key ON structure_approvals (structure_id, number);

-- 4.3–4.4 The document package: versions of four documents and the council's review.
CREATE TABLE document_versions (
    id INTEGER PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL CHECK (kind IN ('programme', 'innovation_map', 'work_plan', 'results_tracking')),
    number INTEGER NOT NULL,
    content_json TEXT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('under_review', 'approved', 'returned', 'superseded')),
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    decided_by BIGINT REFERENCES users (id),
    decided_at TIMESTAMP
);
CREATE UNIQUE INDEX document_versions_number_key ON document_versions (project_id, kind, number);
CREATE INDEX document_versions_review_idx ON document_versions (org_id, status);

CREATE TABLE review_comments (
    id INTEGER PRIMARY KEY,
    version_id BIGINT NOT NULL REFERENCES document_versions (id),
    author_id BIGINT REFERENCES users (id),
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX review_comments_version_idx ON review_comments (version_id, id);

-- The work plan and the results tracking system.
CREATE TABLE plan_items (
    id INTEGER PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    school_year INTEGER NOT NULL,
    action TEXT NOT NULL,
    responsible_id BIGINT REFERENCES users (id),
    responsible_name TEXT NOT NULL,
    deadline DATE NOT NULL,
    expected_result TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
    evidence TEXT NOT NULL,
    done_on DATE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX plan_items_project_idx ON plan_items (project_id, school_year, deadline);
CREATE INDEX plan_items_responsible_idx ON plan_items (responsible_id, status, deadline);

CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    unit TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX indicators_project_idx ON indicators (project_id, id);

CREATE TABLE indicator_values (
    indicator_id BIGINT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    school_year INTEGER NOT NULL,
    target DOUBLE PRECISION NOT NULL,
    actual DOUBLE PRECISION,
    PRIMARY KEY (indicator_id, school_year)
);

-- 4.5 Orders (приказы): drafts are edited, issued orders never change.
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    project_id BIGINT NOT NULL REFERENCES projects (id),
    number TEXT NOT NULL,
    issued_on DATE NOT NULL,
    school_year INTEGER NOT NULL,
    title TEXT NOT NULL,
    body_json TEXT NOT NULL,
    signatory_name TEXT NOT NULL,
    signatory_position TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'issued')),
    supersedes_id BIGINT REFERENCES orders (id),
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    issued_by BIGINT REFERENCES users (id),
    issued_at TIMESTAMP
);
CREATE UNIQUE INDEX orders_number_key ON orders (org_id, number);
CREATE INDEX orders_project_idx ON orders (project_id, id);
