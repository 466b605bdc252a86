#include "model/store/migrations.h"

namespace Cuttle {
namespace {

// Splits a script into statements at semicolons that end a line; the schema uses no
// triggers or string literals that would contain one.
QStringList statements(const char *script)
{
    QStringList result;
    const QStringList parts = QString::fromUtf8(script).split(QStringLiteral(";\n"));
    for (const QString &part : parts) {
        QStringList lines;
        for (const QString &line : part.split(u'\n')) {
            if (!line.trimmed().startsWith(QLatin1String("--")))
                lines << line;
        }
        const QString statement = lines.join(u'\n').trimmed();
        if (!statement.isEmpty())
            result << statement;
    }
    return result;
}

// Version 1: the schema of the whole domain, so that later features extend it instead of
// rewriting it. Ids are "<Kind>-<n>" strings handed out by id_sequences.
const char *const kSchema = R"SQL(
CREATE TABLE id_sequences (
    prefix TEXT PRIMARY KEY,
    next_value INTEGER NOT NULL
);
CREATE TABLE workspace_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE spaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    is_default INTEGER NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE environments (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL,
    use_guided_failure INTEGER NOT NULL DEFAULT 0,
    allow_dynamic_infrastructure INTEGER NOT NULL DEFAULT 0,
    UNIQUE (space_id, name)
);
CREATE INDEX environments_by_space ON environments(space_id, sort_order);
CREATE TABLE machine_policies (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    health_check_interval_seconds INTEGER NOT NULL DEFAULT 3600,
    connection_test_only INTEGER NOT NULL DEFAULT 0,
    is_default INTEGER NOT NULL DEFAULT 0,
    UNIQUE (space_id, name)
);
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    username TEXT NOT NULL DEFAULT '',
    has_password INTEGER NOT NULL DEFAULT 0,
    has_private_key INTEGER NOT NULL DEFAULT 0,
    has_passphrase INTEGER NOT NULL DEFAULT 0,
    UNIQUE (space_id, name)
);
CREATE TABLE account_environments (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    environment_id TEXT NOT NULL REFERENCES environments(id),
    PRIMARY KEY (account_id, environment_id)
);
CREATE TABLE tag_sets (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    UNIQUE (space_id, name)
);
CREATE TABLE tags (
    id TEXT PRIMARY KEY,
    tag_set_id TEXT NOT NULL REFERENCES tag_sets(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    color TEXT NOT NULL DEFAULT '#6e6e6e',
    description TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    UNIQUE (tag_set_id, name)
);
CREATE TABLE tenants (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    UNIQUE (space_id, name)
);
CREATE TABLE tenant_tags (
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    tag_id TEXT NOT NULL REFERENCES tags(id),
    PRIMARY KEY (tenant_id, tag_id)
);
CREATE TABLE targets (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    kind TEXT NOT NULL,
    host TEXT NOT NULL DEFAULT '',
    port INTEGER NOT NULL DEFAULT 0,
    directory TEXT NOT NULL DEFAULT '',
    account_id TEXT REFERENCES accounts(id),
    host_key_fingerprint TEXT NOT NULL DEFAULT '',
    use_https INTEGER NOT NULL DEFAULT 1,
    honour_ssh_config INTEGER NOT NULL DEFAULT 0,
    connect_timeout_seconds INTEGER NOT NULL DEFAULT 10,
    machine_policy_id TEXT REFERENCES machine_policies(id),
    is_disabled INTEGER NOT NULL DEFAULT 0,
    tenanted_participation TEXT NOT NULL DEFAULT 'Untenanted',
    health_status TEXT NOT NULL DEFAULT 'Unknown',
    health_checked_at TEXT,
    health_message TEXT NOT NULL DEFAULT '',
    UNIQUE (space_id, name)
);
CREATE TABLE target_environments (
    target_id TEXT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    environment_id TEXT NOT NULL REFERENCES environments(id),
    PRIMARY KEY (target_id, environment_id)
);
CREATE INDEX target_environments_by_environment ON target_environments(environment_id);
CREATE TABLE target_tags (
    target_id TEXT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    tag TEXT NOT NULL COLLATE NOCASE,
    sort_order INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (target_id, tag)
);
CREATE INDEX target_tags_by_tag ON target_tags(tag);
CREATE TABLE target_tenants (
    target_id TEXT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    PRIMARY KEY (target_id, tenant_id)
);
CREATE TABLE target_tenant_tags (
    target_id TEXT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    tag_id TEXT NOT NULL REFERENCES tags(id),
    PRIMARY KEY (target_id, tag_id)
);
CREATE TABLE target_health_checks (
    id INTEGER PRIMARY KEY,
    target_id TEXT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    task_id TEXT,
    checked_at TEXT NOT NULL,
    status TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT ''
);
CREATE TABLE project_groups (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    UNIQUE (space_id, name)
);
CREATE TABLE lifecycles (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    release_retention_unit TEXT NOT NULL DEFAULT 'Forever',
    release_retention_quantity INTEGER NOT NULL DEFAULT 0,
    target_retention_unit TEXT NOT NULL DEFAULT 'Items',
    target_retention_quantity INTEGER NOT NULL DEFAULT 3,
    UNIQUE (space_id, name)
);
CREATE TABLE lifecycle_phases (
    id TEXT PRIMARY KEY,
    lifecycle_id TEXT NOT NULL REFERENCES lifecycles(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    sort_order INTEGER NOT NULL,
    minimum_environments_before_promotion INTEGER NOT NULL DEFAULT 0,
    is_optional INTEGER NOT NULL DEFAULT 0,
    release_retention_unit TEXT,
    release_retention_quantity INTEGER,
    target_retention_unit TEXT,
    target_retention_quantity INTEGER
);
CREATE TABLE phase_environments (
    phase_id TEXT NOT NULL REFERENCES lifecycle_phases(id) ON DELETE CASCADE,
    environment_id TEXT NOT NULL REFERENCES environments(id),
    automatic INTEGER NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (phase_id, environment_id)
);
CREATE INDEX phase_environments_by_environment ON phase_environments(environment_id);
CREATE TABLE variable_sets (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    owner_kind TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    project_group_id TEXT NOT NULL REFERENCES project_groups(id),
    lifecycle_id TEXT NOT NULL REFERENCES lifecycles(id),
    tenanted_mode TEXT NOT NULL DEFAULT 'Untenanted',
    is_disabled INTEGER NOT NULL DEFAULT 0,
    release_version_template TEXT NOT NULL,
    allow_deployments_to_no_targets INTEGER NOT NULL DEFAULT 0,
    skip_unavailable_targets INTEGER NOT NULL DEFAULT 0,
    exclude_unhealthy_targets INTEGER NOT NULL DEFAULT 0,
    variable_set_id TEXT REFERENCES variable_sets(id),
    UNIQUE (space_id, name)
);
CREATE INDEX projects_by_group ON projects(project_group_id);
CREATE INDEX projects_by_lifecycle ON projects(lifecycle_id);
CREATE TABLE project_library_sets (
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    variable_set_id TEXT NOT NULL REFERENCES variable_sets(id),
    sort_order INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, variable_set_id)
);
CREATE TABLE variables (
    id TEXT PRIMARY KEY,
    variable_set_id TEXT NOT NULL REFERENCES variable_sets(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value TEXT,
    is_sensitive INTEGER NOT NULL DEFAULT 0,
    type TEXT NOT NULL DEFAULT 'String',
    description TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    prompt_label TEXT,
    prompt_description TEXT,
    prompt_required INTEGER NOT NULL DEFAULT 0,
    prompt_control TEXT
);
CREATE INDEX variables_by_set ON variables(variable_set_id, name);
CREATE TABLE variable_scopes (
    variable_id TEXT NOT NULL REFERENCES variables(id) ON DELETE CASCADE,
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (variable_id, dimension, value)
);
CREATE TABLE variable_templates (
    id TEXT PRIMARY KEY,
    owner_kind TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    name TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    help_text TEXT NOT NULL DEFAULT '',
    control_type TEXT NOT NULL DEFAULT 'SingleLineText',
    default_value TEXT,
    default_is_sensitive INTEGER NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE tenant_projects (
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, project_id)
);
CREATE TABLE tenant_project_environments (
    tenant_id TEXT NOT NULL,
    project_id TEXT NOT NULL,
    environment_id TEXT NOT NULL REFERENCES environments(id),
    PRIMARY KEY (tenant_id, project_id, environment_id),
    FOREIGN KEY (tenant_id, project_id) REFERENCES tenant_projects(tenant_id, project_id) ON DELETE CASCADE
);
CREATE INDEX tenant_project_environments_by_environment ON tenant_project_environments(environment_id);
CREATE TABLE tenant_variables (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    template_id TEXT NOT NULL REFERENCES variable_templates(id) ON DELETE CASCADE,
    project_id TEXT REFERENCES projects(id) ON DELETE CASCADE,
    environment_id TEXT REFERENCES environments(id),
    value TEXT,
    is_sensitive INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE deployment_processes (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'Deployment',
    name TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE process_steps (
    id TEXT PRIMARY KEY,
    process_id TEXT NOT NULL REFERENCES deployment_processes(id) ON DELETE CASCADE,
    sort_order INTEGER NOT NULL,
    name TEXT NOT NULL,
    start_trigger TEXT NOT NULL DEFAULT 'StartAfterPrevious',
    condition TEXT NOT NULL DEFAULT 'Success',
    condition_expression TEXT NOT NULL DEFAULT '',
    run_on_workstation INTEGER NOT NULL DEFAULT 0,
    target_tags TEXT NOT NULL DEFAULT '[]',
    window_size TEXT NOT NULL DEFAULT '',
    is_required INTEGER NOT NULL DEFAULT 0,
    is_disabled INTEGER NOT NULL DEFAULT 0,
    properties TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE process_actions (
    id TEXT PRIMARY KEY,
    step_id TEXT NOT NULL REFERENCES process_steps(id) ON DELETE CASCADE,
    sort_order INTEGER NOT NULL,
    name TEXT NOT NULL,
    action_type TEXT NOT NULL,
    environment_ids TEXT NOT NULL DEFAULT '[]',
    excluded_environment_ids TEXT NOT NULL DEFAULT '[]',
    channel_ids TEXT NOT NULL DEFAULT '[]',
    tenant_tags TEXT NOT NULL DEFAULT '[]',
    is_disabled INTEGER NOT NULL DEFAULT 0,
    is_required INTEGER NOT NULL DEFAULT 0,
    properties TEXT NOT NULL DEFAULT '{}',
    packages TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE channels (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    lifecycle_id TEXT REFERENCES lifecycles(id),
    is_default INTEGER NOT NULL DEFAULT 0,
    tenant_tags TEXT NOT NULL DEFAULT '[]',
    UNIQUE (project_id, name)
);
CREATE TABLE channel_version_rules (
    id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    sort_order INTEGER NOT NULL DEFAULT 0,
    package_references TEXT NOT NULL DEFAULT '[]',
    version_range TEXT NOT NULL DEFAULT '',
    tag_regex TEXT NOT NULL DEFAULT ''
);
CREATE TABLE packages (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    package_id TEXT NOT NULL COLLATE NOCASE,
    version TEXT NOT NULL,
    normalized_version TEXT NOT NULL,
    format TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    file_path TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    authors TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    release_notes TEXT NOT NULL DEFAULT '',
    UNIQUE (space_id, package_id, normalized_version)
);
CREATE TABLE releases (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    channel_id TEXT NOT NULL REFERENCES channels(id),
    version TEXT NOT NULL COLLATE NOCASE,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    process_snapshot TEXT NOT NULL,
    variables_snapshot TEXT NOT NULL,
    variables_snapshot_at TEXT NOT NULL,
    is_blocked INTEGER NOT NULL DEFAULT 0,
    block_reason TEXT NOT NULL DEFAULT '',
    ignored_channel_rules INTEGER NOT NULL DEFAULT 0,
    UNIQUE (project_id, version)
);
CREATE TABLE release_packages (
    release_id TEXT NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    action_name TEXT NOT NULL,
    package_reference TEXT NOT NULL DEFAULT '',
    package_id TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (release_id, action_name, package_reference)
);
CREATE INDEX release_packages_by_package ON release_packages(package_id, version);
CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    space_id TEXT REFERENCES spaces(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'Queued',
    arguments TEXT NOT NULL DEFAULT '{}',
    concurrency_tag TEXT NOT NULL DEFAULT '',
    queue_time TEXT,
    queue_time_expiry TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    started_at TEXT,
    completed_at TEXT,
    error_message TEXT NOT NULL DEFAULT '',
    has_pending_interruptions INTEGER NOT NULL DEFAULT 0,
    has_warnings INTEGER NOT NULL DEFAULT 0,
    owner_process TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tasks_by_state ON tasks(state, queue_time);
CREATE TABLE deployments (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    release_id TEXT NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    environment_id TEXT NOT NULL REFERENCES environments(id),
    tenant_id TEXT REFERENCES tenants(id),
    channel_id TEXT NOT NULL REFERENCES channels(id),
    task_id TEXT NOT NULL REFERENCES tasks(id),
    name TEXT NOT NULL DEFAULT '',
    comments TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    use_guided_failure INTEGER NOT NULL DEFAULT 0,
    force_package_redeployment INTEGER NOT NULL DEFAULT 0,
    skip_actions TEXT NOT NULL DEFAULT '[]',
    specific_target_ids TEXT NOT NULL DEFAULT '[]',
    excluded_target_ids TEXT NOT NULL DEFAULT '[]',
    form_values TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX deployments_by_project_environment ON deployments(project_id, environment_id, tenant_id, created_at);
CREATE INDEX deployments_by_release ON deployments(release_id);
CREATE TABLE task_log_nodes (
    id INTEGER PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES task_log_nodes(id) ON DELETE CASCADE,
    sort_order INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'Pending',
    started_at TEXT,
    ended_at TEXT
);
CREATE INDEX task_log_nodes_by_task ON task_log_nodes(task_id);
CREATE TABLE task_log_lines (
    id INTEGER PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    node_id INTEGER REFERENCES task_log_nodes(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    category TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX task_log_lines_by_task ON task_log_lines(task_id, id);
CREATE TABLE interruptions (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    node_id INTEGER REFERENCES task_log_nodes(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    instructions TEXT NOT NULL DEFAULT '',
    responsible_team_id TEXT,
    created_at TEXT NOT NULL,
    taken_by TEXT,
    taken_at TEXT,
    response TEXT,
    notes TEXT NOT NULL DEFAULT '',
    resolved_at TEXT
);
CREATE TABLE artifacts (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    file_path TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL COLLATE NOCASE UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    is_active INTEGER NOT NULL DEFAULT 1,
    is_service INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    space_id TEXT REFERENCES spaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    UNIQUE (space_id, name)
);
CREATE TABLE team_members (
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);
CREATE TABLE user_roles (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    permissions TEXT NOT NULL DEFAULT '[]',
    is_builtin INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE scoped_user_roles (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    user_role_id TEXT NOT NULL REFERENCES user_roles(id),
    space_id TEXT REFERENCES spaces(id) ON DELETE CASCADE
);
CREATE TABLE scoped_user_role_scopes (
    scoped_user_role_id TEXT NOT NULL REFERENCES scoped_user_roles(id) ON DELETE CASCADE,
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (scoped_user_role_id, dimension, value)
);
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    username TEXT NOT NULL,
    space_id TEXT,
    action TEXT NOT NULL,
    document_kind TEXT NOT NULL,
    document_id TEXT NOT NULL,
    document_name TEXT NOT NULL DEFAULT '',
    changes TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX audit_events_by_document ON audit_events(document_id, id);
)SQL";

// Version 2: what every workspace starts with: its identity, the Default space with its
// default machine policy, and the built-in user roles.
const char *const kSeed = R"SQL(
INSERT INTO workspace_settings(key, value) VALUES ('workspace.id', lower(hex(randomblob(16))));
INSERT INTO workspace_settings(key, value) VALUES ('tasks.maxConcurrent', '5');
INSERT INTO spaces(id, name, description, is_default) VALUES ('Spaces-1', 'Default', '', 1);
INSERT INTO id_sequences(prefix, next_value) VALUES ('Spaces', 2);
INSERT INTO machine_policies(id, space_id, name, description, is_default) VALUES ('MachinePolicies-1', 'Spaces-1', 'Default Machine Policy', 'The machine policy that applies to targets unless another is chosen.', 1);
INSERT INTO id_sequences(prefix, next_value) VALUES ('MachinePolicies', 2);
INSERT INTO user_roles(id, name, description, is_builtin) VALUES
    ('userroles-systemadministrator', 'System Administrator', 'Everything, in every space.', 1),
    ('userroles-spacemanager', 'Space Manager', 'Everything within a space.', 1),
    ('userroles-projectviewer', 'Project Viewer', 'Views projects and their releases and deployments.', 1),
    ('userroles-projectcontributor', 'Project Contributor', 'Edits projects but cannot create releases or deploy.', 1),
    ('userroles-projectdeployer', 'Project Deployer', 'Deploys releases but cannot create them.', 1),
    ('userroles-projectlead', 'Project Lead', 'Creates releases but cannot deploy them.', 1),
    ('userroles-releasecreator', 'Release Creator', 'Creates releases.', 1),
    ('userroles-deploymentcreator', 'Deployment Creator', 'Creates deployments.', 1),
    ('userroles-environmentmanager', 'Environment Manager', 'Manages environments and targets.', 1),
    ('userroles-environmentviewer', 'Environment Viewer', 'Views environments and targets.', 1),
    ('userroles-tenantmanager', 'Tenant Manager', 'Manages tenants and tag sets.', 1),
    ('userroles-packagepublisher', 'Package Publisher', 'Pushes packages to the built-in repository.', 1);
)SQL";

// Version 3: per-target locks shared by every Cuttle process using the workspace, so only
// one step runs on a target at a time across all tasks (domain.md 5).
const char *const kTargetLocks = R"SQL(
CREATE TABLE target_locks (
    target_id TEXT PRIMARY KEY REFERENCES targets(id) ON DELETE CASCADE,
    task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    owner_process TEXT NOT NULL,
    acquired_at TEXT NOT NULL
);
CREATE INDEX target_locks_by_task ON target_locks(task_id);
)SQL";

} // namespace

const QList<Migration> &allMigrations()
{
    static const QList<Migration> migrations{
        {1, QStringLiteral("Schema of the whole domain"), statements(kSchema)},
        {2, QStringLiteral("Workspace identity, Default space, built-in roles"), statements(kSeed)},
        {3, QStringLiteral("Per-target locks"), statements(kTargetLocks)},
    };
    return migrations;
}

int latestSchemaVersion()
{
    return allMigrations().constLast().version;
}

} // namespace Cuttle
