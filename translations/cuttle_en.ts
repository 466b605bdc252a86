<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Cuttle</name>
    <message>
        <source>SSH connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WinRM connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline package drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH key pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WinRM credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untenanted deployments only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenanted deployments only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenanted or untenanted deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclude from tenanted deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include only in tenanted deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include in both tenanted and untenanted deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An SSH key pair account needs a private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key is not in OpenSSH or PEM format (no &quot;PRIVATE KEY&quot; header).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account needs a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package file “%1” cannot be opened: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package file “%1” cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file “%1” cannot be read as a package archive: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the workspace database to schema %1 (%2) failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no environment with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no environment with id %1 in this space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no machine policy with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health check interval must be at least one minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no package with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no project group with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no library variable set with id %1 in this space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workspace database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace database %1 is locked by another program; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace database %1 is read-only; check the permissions of the workspace folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading or writing the workspace database %1 failed (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace database %1 is damaged or is not a Cuttle database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding the workspace database %1 is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace database %1 cannot be opened; check that the folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change conflicts with existing records (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace database reported an error: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag &quot;%1&quot; cannot be removed while %2 tenant(s) or target(s) use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag %1 does not belong to this tag set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant tag &quot;%1&quot; must be written as &quot;Tag set/Tag&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tenant tag &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no %1 with id %2 in this space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tag &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no project with id %1 in this space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant is connected to project %1 twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unscoped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scoped to </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty to keep the stored one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-----BEGIN OPENSSH PRIVATE KEY----- …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load from file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords, keys and passphrases are kept in the system keychain (%1), never in the workspace database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; cannot be read as a private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account needs a username.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::AccountListModel</name>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::AccountRepository</name>
    <message>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account needs a username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; cannot be deleted while %2 target(s) use it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::AccountsPanel</name>
    <message>
        <source>Add account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts hold the credentials targets are reached with: a username and password, an SSH key pair with its passphrase, or WinRM credentials. The secret parts are kept in the system keychain (%1), never in the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the first account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the account &quot;%1&quot; and its secrets in the keychain?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::AuditEventModel</name>
    <message>
        <source>%1 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::BuiltinRepository</name>
    <message>
        <source>Package %1 is already in the repository with different content; replace it explicitly to overwrite it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package %1 cannot be replaced while %2 release uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package %1 cannot be replaced while %2 releases use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of days to keep packages cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no package %1 in the built-in repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file of package %1 is missing from the repository folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::Cli</name>
    <message>
        <source>Password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one secret can be read from standard input; give the other one with a file option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the password either with --password-file or with --password-stdin, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the passphrase either with --passphrase-file or with --passphrase-stdin, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options --environment and --all-environments contradict each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the account &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the account &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the account &quot;%1&quot; (%2) and its secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit must be a positive number, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit codes: 0 success, 1 operation failed, 2 usage error, 3 not found, 4 validation failed or conflict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the environment &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the environment &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --before or --after, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --before or --after, name exactly one environment to move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An environment cannot be moved next to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environments are now in this order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid value for --%2; use forever, N items or N days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the lifecycle &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minimum must be a number of environments (0 for all), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lifecycle &quot;%1&quot; has no phase named &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health check interval must be a positive number of seconds, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the machine policy &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the machine policy &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged %1: the repository already has this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted package %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the file %1, which had no record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 has no record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the record of %1, whose file was missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file of %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1 partial files of interrupted pushes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 partial files of interrupted pushes are left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every package file has its record and every record its file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options --disabled and --enabled contradict each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the project &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the project &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the project group &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the project group &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the space &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the space &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the space &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the tag set &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the tag set &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag set &quot;%1&quot; has no tag named &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the target &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the target &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--environment needs --project to say which project the tenant deploys there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the tenant &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the tenant &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;connect&quot; needs --project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;disconnect&quot; needs --project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant &quot;%1&quot; is not connected to that project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The context &quot;%1&quot; must have the form DIM=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The context dimension &quot;%1&quot; is unknown; use one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The context dimension &quot;%1&quot; can be given only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --template or --expression.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not parse at line %2, column %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at line %2, column %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has unresolved variables: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unscoped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No value is defined for this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WINNER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no match (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The format &quot;%1&quot; is unknown; use auto, json, yaml, xml or properties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option --variables is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two files would be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): replaced %3 value(s): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): no variable matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 of the variables file %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records (spaces in the workspace, the rest in this space):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace in %1 already exists and is up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created a workspace in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::Cli::CommandLineApplication</name>
    <message>
        <source>Usage: cuttlectl [--workspace DIR] [--space NAME] [--json] &lt;noun&gt; &lt;verb&gt; [arguments]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manages a Cuttle workspace from scripts and build servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workspace folder (default: CUTTLE_WORKSPACE, else %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the space to work in, by name or id (default: the Default space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print results as JSON instead of tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show help; also after a noun or a verb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;cuttlectl &lt;noun&gt; --help&quot; for the verbs of a noun.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: cuttlectl [global options] %1 &lt;verb&gt; [arguments]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;cuttlectl %1 &lt;verb&gt; --help&quot; for the arguments of a verb.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option --%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run &quot;cuttlectl --help&quot; for usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown global option --%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown noun &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run &quot;cuttlectl --help&quot; for the list of nouns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a verb.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run &quot;cuttlectl %1 --help&quot; for its verbs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown verb &quot;%1&quot; for &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run &quot;cuttlectl %1 %2 --help&quot; for usage.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::Cli::Output</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::Cli::ParsedArguments</name>
    <message>
        <source>Unknown option --%1 for &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option --%1 takes no value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option --%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option --%1 can be given only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options --%1 and --%2 contradict each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs the argument %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; for &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::Cli::SecretInput</name>
    <message>
        <source>The file %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard input cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard input is not a terminal, so the secret cannot be asked for; give it with a file or standard input option.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::Cli::VariablesFile</name>
    <message>
        <source>The variable &quot;%1&quot; in %2 must have a text, number or boolean value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The variables file %1 has a variable without a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The variables file %1 must hold a JSON object or array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a non-empty text &quot;name&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must have a text, number or boolean &quot;value&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must have true or false for &quot;sensitive&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must have an object for &quot;scope&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has the unknown scope &quot;%1&quot; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must list non-empty texts for the scope &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has the unknown key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The variables file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The variables file %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ConfigurationPage</name>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spaces keep environments, projects, lifecycles, tenants and everything else apart. The Default space always exists; a space can be deleted once it is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the space &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::DashboardPage</name>
    <message>
        <source>No deployments yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once you deploy, the dashboard shows every project against every environment, with the release in each and whether its deployment succeeded, failed or is still running. Set up environments and targets under Infrastructure and projects under Projects; releases and deployments come next.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::Database</name>
    <message>
        <source>There is no workspace database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file, so it cannot be a workspace database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace database %1 was written by a newer version of Cuttle (schema %2; this version knows up to %3); it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::EnvironmentDialog</name>
    <message>
        <source>Add environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Staging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use guided failure by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a deployment here fails, pause and let someone choose to retry, ignore or fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow dynamic infrastructure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::EnvironmentRepository</name>
    <message>
        <source>There is no environment named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment &quot;%1&quot; cannot be deleted while %2 use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new order must list every environment of the space exactly once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::EnvironmentsPanel</name>
    <message>
        <source>Releases are promoted through environments in this order. Drag an environment to move it; the dashboard shows them as columns in the same order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add environment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No environments yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments are the stages a release goes through, such as Development, Test and Production. Targets belong to environments, and lifecycles promote releases through them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the first environment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an environment to see its description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guided failure is on by default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic infrastructure is allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the environment &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::Extraction</name>
    <message>
        <source>Extraction stopped at the package entry “%1” because the package has more than %2 entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” has a name that is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file “%1” is not a readable package archive: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package “%1” is damaged or truncated at the entry “%2”: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extraction was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extraction was cancelled at the package entry “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” has an absolute path, which could write outside the destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” contains a “..” component, which could write outside the destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder for the package entry “%1” cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” is a device file, fifo or socket, which a package may not contain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” has an empty path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” appears more than once, once as a symbolic link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” is a symbolic link whose target is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” is a symbolic link to “%2”, which points outside the destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” is a hard link whose target is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” is a hard link to “%2”, which is outside the destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” is a hard link to “%2”, which is not a file earlier in the package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hard link “%1” cannot be created: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extraction stopped at the package entry “%1” because the package expands to more than %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extraction stopped at the package entry “%1” because the package expands more than %2 times its compressed size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file for the package entry “%1” cannot be created: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” cannot be written: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” is a symbolic link, but other entries lie inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The symbolic link “%1” cannot be created: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::FileVariableSubstitution</name>
    <message>
        <source>Cannot read %1 to substitute variables: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 looks like a binary file (it contains NUL bytes), so variables were not substituted in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid %2 text, so variables were not substituted in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables could not be substituted in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refers to variables that are not defined: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1 after substituting variables: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::InfrastructurePage</name>
    <message>
        <source>Infrastructure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine policies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::JsonLexer</name>
    <message>
        <source>unexpected end of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>control character in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid \u escape in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid escape in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::LibraryPage</name>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant tag sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No packages yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in package repository will list the packages pushed to this workspace (zip, tar, NuGet and more) with their versions, ready to be chosen when a release is created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No library variable sets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library variable sets will hold variables shared by several projects, such as connection strings, and the common templates tenants fill in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library variable sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No step templates yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step templates will be reusable deployment steps with parameters, which projects add to their processes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step templates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::LifecycleListModel</name>
    <message>
        <source>One per environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n phase(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::LifecyclePhaseModel</name>
    <message>
        <source>(no environments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All remaining environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required before promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional phase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::LifecycleRepository</name>
    <message>
        <source>lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two phases are named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment %1 appears in more than one phase; each environment can be in one phase only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phase &quot;%1&quot; asks for %2 environments before promotion but has only %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A retention policy must keep at least one release or one day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no lifecycle with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no lifecycle named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lifecycle &quot;%1&quot; cannot be deleted while %2 project(s) and %3 channel(s) use it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::LifecyclesEditor</name>
    <message>
        <source>Add lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lifecycle selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lifecycle is the ordered list of phases a release is promoted through, for example Development, then Test, then Production. Pick one on the left or add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed automatically to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed by hand to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phase with no environments ticked takes every environment not named in an earlier phase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments needed before promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional phase: never deployed automatically, does not block promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep last releases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep last extracted versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files on targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lifecycles yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the lifecycle &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::MachinePoliciesPanel</name>
    <message>
        <source>A machine policy says how often its targets are health-checked, and whether a check only tests the connection. Every space has a default policy that new targets use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add machine policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete machine policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the machine policy &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::MachinePolicyDialog</name>
    <message>
        <source>Add machine policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit machine policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only test the connection (skip the health check script)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Health check every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine policy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::MachinePolicyListModel</name>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full health check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::MachinePolicyRepository</name>
    <message>
        <source>There is no machine policy named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The space has no default machine policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default machine policy cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The machine policy &quot;%1&quot; cannot be deleted while %2 target(s) use it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::MainWindow</name>
    <message>
        <source>%1 — Cuttle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPACE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infrastructure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Cuttle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Cuttle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Cuttle %1&lt;/h3&gt;&lt;p&gt;A local-first release-management console: environments, targets, projects, lifecycles and tenants in a workspace folder on this computer, deployed over SSH, WinRM or to local folders.&lt;/p&gt;&lt;p&gt;Workspace: %2&lt;br&gt;Keychain: %3&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::NameDescriptionDialog</name>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::PackageArchive</name>
    <message>
        <source>The file “%1” is not a readable package archive: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package “%1” is damaged or truncated after the entry “%2”: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package “%1” has more than %2 entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package “%1” is damaged or truncated: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package “%1” is damaged at the entry “%2”: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” is larger than %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package entry “%1” cannot be copied: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package “%1” has no file “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder “%1” already exists and is not empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder “%1” cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A temporary folder cannot be created in “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extracted package cannot be moved to “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::PackageFileStore</name>
    <message>
        <source>The package file “%1” cannot be opened: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package folder “%1” cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package %1 version %2 is already in the repository; replace it explicitly to overwrite it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A temporary file cannot be created in “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The push of “%1” was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package “%1” cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package “%1” stopped arriving before its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package “%1” cannot be written to the repository: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package “%1” cannot be flushed to disk: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name of “%1” does not match the package %2 version %3 named in its .nuspec.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package “%1” cannot be moved into the repository: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package %1 version %2 is not in the repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a file of the package repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package file “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package file “%1” cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::PackageRepository</name>
    <message>
        <source>Package %1 version %2 is not in the built-in repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package %1 version %2 is already in the built-in repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package %1 cannot be deleted while %2 release uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package %1 cannot be deleted while %2 releases use it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ProjectDetailWidget</name>
    <message>
        <source>No deployment process yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process will list the ordered steps this project runs on its targets: packages to deploy, scripts to run, the target tags each step runs on, and conditions per environment and channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project variables yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables will hold the values the process uses, scoped to environments, targets, target tags, channels and tenants, plus the library variable sets this project includes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No channels yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels will decide which package versions may go into a release and which lifecycle such a release follows, for example hotfixes straight to production.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No releases yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releases will be the immutable snapshots of the process, variables and package versions that are promoted through the lifecycle and deployed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenanted deployments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deploys even when no targets are found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skips unavailable targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>excludes unhealthy targets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ProjectDialog</name>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenanted deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connectivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow deployments when no targets are found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip targets that are unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclude unhealthy targets from deployments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ProjectGroupRepository</name>
    <message>
        <source>There is no project group named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project group &quot;%1&quot; cannot be deleted while it holds %2 project(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ProjectRepository</name>
    <message>
        <source>project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no project with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no project named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project &quot;%1&quot; cannot be deleted while %2 of its deployments are queued or running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ProjectTreeModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ProjectsPage</name>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No projects yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects are what you deploy. They live in project groups: add a group, then add projects to it and choose the lifecycle their releases follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add project group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add project to this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This group holds no projects yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This group holds %n project(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a project group or a project on the left to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit project group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the project &quot;%1&quot; with its process, variables, channels and releases?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the project group &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::SpaceRepository</name>
    <message>
        <source>There is no space with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no space named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace has no Default space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A space named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The machine policy that applies to targets unless another is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Default space cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The space &quot;%1&quot; cannot be deleted while it still holds %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::SpaceSwitcher</name>
    <message>
        <source>The space everything below belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::StoreSupport</name>
    <message>
        <source>The name &quot;%1&quot; is already used by another %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::StructuredConfigReplacer</name>
    <message>
        <source>%1 is a binary file, not a configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text: invalid byte at line %2, column %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TagModel</name>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TagSetListModel</name>
    <message>
        <source>Tag set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TagSetRepository</name>
    <message>
        <source>tag set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag set name cannot contain &quot;/&quot;; tenants carry tags as &quot;Set/Tag&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag name &quot;%1&quot; cannot contain &quot;/&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag set has two tags named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colour of tag &quot;%1&quot; must be written as #RRGGBB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tag set with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tag set named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag set &quot;%1&quot; cannot be deleted while tenants or targets carry its tag &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new order must list every tag set of the space exactly once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag sets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TagSetsEditor</name>
    <message>
        <source>Add tag set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the tag set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the tag set down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tag sets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag sets classify tenants, for example a &quot;Region&quot; set with the tags &quot;East&quot; and &quot;West&quot;. Deployments and targets can then pick tenants by tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New tag name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the tag up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the tag down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a tag to rename it or change its colour (#RRGGBB). Tenants carry tags as &quot;Tag set/Tag&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save tag set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the new tag&apos;s name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag set already has a tag named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete tag set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the tag set &quot;%1&quot; and its tags?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TargetDialog</name>
    <message>
        <source>Add deployment target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit deployment target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. web-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use HTTPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. web, api (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled: deployments may use this target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target &amp;tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or tenants tagged:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenants:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Machine policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>~/.cuttle (where packages are extracted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C:\Cuttle (where packages are extracted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder on this workstation, e.g. /srv/app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder the package bundle is written to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: use the SSH agent or current user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target must belong to at least one environment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TargetRepository</name>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target must belong to at least one environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A target excluded from tenanted deployments cannot be associated with tenants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection timeout must be between 1 and 600 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no target with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no target named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The space has no default machine policy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TargetTableModel</name>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TargetsPanel</name>
    <message>
        <source>Add target…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, host, tag or environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deployment targets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets are the machines and folders that receive your software: SSH hosts, Windows machines over WinRM, a directory on this workstation, or an offline package drop. Each belongs to one or more environments and carries target tags that deployment steps select it by.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the first target…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All target tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n target(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No target matches the filter (%n in all).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n target(s) match the filter.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add an environment first: every target belongs to at least one environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the deployment target &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TasksPage</name>
    <message>
        <source>No tasks have run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments and health checks run as tasks. This page will list them, queued, running and finished, each with its structured log per step and target, and let you cancel a running task.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TenantDialog</name>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected projects and their environments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TenantRepository</name>
    <message>
        <source>There is no tenant with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tenant named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant &quot;%1&quot; cannot be deleted while %2 target(s) and %3 deployment(s) refer to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TenantTableModel</name>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TenantsPage</name>
    <message>
        <source>Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tenants yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants are the customers you deploy for. Tag them with tags from the library&apos;s tag sets and connect them to projects and the environments each project is deployed to for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the tenant &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::Validation</name>
    <message>
        <source>The %1 needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 name is longer than 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 name contains control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target needs a host name or IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name or IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A target tag cannot be empty or only spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target tag &quot;%1&quot; contains a comma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target tag &quot;%1&quot; is too long or contains control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target needs a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory &quot;%1&quot; must be an absolute path.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::VariableSet</name>
    <message>
        <source>The variable %1 has several values of equal specificity for this context; the one from %2 (%3) was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not apply: its %1 scope does not include this context&apos;s %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies (%1), rank %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No variable named %1 is defined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the %1 values of %2 applies to this context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value %1 (%2) wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: it is the only value that applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: its scope is the most specific (rank %1 beats %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: several values are equally specific (rank %1), and it was defined first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: several values are equally specific (rank %1); the project&apos;s own value beats library sets&apos; values, then the one defined first wins.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::Walker</name>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a property name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;:&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::Workspace</name>
    <message>
        <source>The workspace location %1 is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Cuttle workspace in %1; create one with &quot;cuttlectl workspace init&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace folder %1 cannot be created; check that its parent folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace folder %1 is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be created in the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::XmlStructuredReplacer</name>
    <message>
        <source>The XPath %1 selects a node in %2 whose value cannot be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacing XML values in %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthCheck</name>
    <message>
        <source>Connecting to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected in %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check script did not complete on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the login directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The root directory %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot write to the root directory %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not installed on the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 are free in %2 (warning below %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The free space in %1 could not be determined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health check was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target has no transport.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>the secret was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret was not removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no D-Bus session bus is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Secret Service is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 seconds (it may be waiting for you to unlock it); %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored under &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cuttle cannot reach the system keychain (%1); %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain service is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the system keychain was refused; %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is locked or denied access; %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain reported an error (%1); %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secret needs a key to be stored under.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cuttle cannot reach the system keychain (the application is not running); the secret was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored under an empty key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cuttle cannot reach the system keychain (the application is not running); the secret could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cuttle cannot reach the system keychain (the application is not running); the secret was not removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LifecyclesEditor</name>
    <message>
        <source>Keep all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep for days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalTransport</name>
    <message>
        <source>%1 could not be read back: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be started in %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload destination must be a file path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data to upload to %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be created: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the data for %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy of %1 in %2 does not match the data sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be moved into place: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be copied to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NuspecReader</name>
    <message>
        <source>The package “%1” has no .nuspec manifest at its root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The .nuspec manifest is not well-formed XML: %1 at line %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The .nuspec manifest has no package id or version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageFileName</name>
    <message>
        <source>“%1” does not end with a supported package extension (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a package file name of the form &lt;PackageId&gt;.&lt;Version&gt;%2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>A secret needs a key to be stored under.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored under &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SshTransport</name>
    <message>
        <source>an unknown number of bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was lost while %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH target has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH target %1 has no user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH port must be between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time was left to connect to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name %1 could not be resolved: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not complete the SSH handshake within %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server at %1 refused the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name %1 could not be resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to the SSH server at %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server at %1 did not present a host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 is not trusted yet: the server offered %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 has changed: %2 is pinned but the server offered %3 (%4); the connection was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server at %1 closed the connection during authentication: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server at %1 does not allow %2 authentication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyboard-interactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown SSH authentication method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication with %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No private key was given for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key for %1 is protected by a passphrase, but no passphrase was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase for the private key of %1 is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key for %1 could not be read; it must be an OpenSSH or PEM private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server at %1 did not accept the private key for user %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SSH agent is available: SSH_AUTH_SOCK is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server at %1 accepted none of the SSH agent&apos;s keys for user %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server at %1 rejected the password for user %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server at %1 rejected the keyboard-interactive answers for user %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the data to send failed while %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped accepting data for %2 ms while %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command on %1 ended without reporting an exit status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed on %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid environment variable name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script for %1 is too long (%2 bytes; at most %3 fit on a command line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running a command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload destination must be a file path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data to upload to %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing a temporary file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was lost while uploading %2 after %3 of %4 had been sent (%5); the temporary file %6 may remain on the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the temporary file %2 could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uploading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1 on %2 failed: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SFTP subsystem on %1 could not be started: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be created on %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashing the uploaded file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload to %1 on %2 arrived damaged: SHA-256 %3 was sent but %4 arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving the uploaded file into place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read on %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StructuredConfig</name>
    <message>
        <source>The content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid %2: %3 at line %4, column %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The YAML parser could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateEngine</name>
    <message>
        <source>The template expands to more than %1 characters; evaluation was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The variable %1 refers to itself through a self referencing loop (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables refer to each other more than %1 levels deep (at %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template needs more memory than is available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateParser</name>
    <message>
        <source>blocks, substitutions or brackets are nested more than %1 levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a variable name was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;[&apos; is not closed by &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted argument is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a filter name was expected after &apos;|&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;}&apos; was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;#{/each}&apos; was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template cannot be parsed at line %1, column %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; at line %2, column %3 has no matching &apos;#{/%4}&apos; and was left as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; closes a block that was never opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the expression starting here is not valid (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the expression starting here is not valid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>Could not open %1 for upload: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation on %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionRange</name>
    <message>
        <source>The version range is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid version or version range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version range &quot;%1&quot; must end with &apos;]&apos; or &apos;)&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version range &quot;%1&quot; has more than two bounds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the version range &quot;%2&quot; is not a valid version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version range &quot;%1&quot; contains no version; write [1.0] for exactly one version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version range &quot;%1&quot; contains no version because its lower bound is not below its upper bound.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionTagRule</name>
    <message>
        <source>The pre-release tag rule &quot;%1&quot; is not a valid regular expression: %2 at position %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cuttlectl</name>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user name to log in as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the account is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an environment the account may be used in (none: all); replaces the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allow the account in every environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the password from FILE (its first line break is dropped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the password from standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the SSH private key (OpenSSH or PEM) from FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the private key&apos;s passphrase from FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the private key&apos;s passphrase from standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credentials for reaching targets; secrets live in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create an account; secrets come from a prompt, a file or standard input, never from the command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the new account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>username-password|ssh-key-pair|winrm (default username-password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change an account; only the options given change, secrets included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete an account that no target uses, with its secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show one account (never its secrets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who changed what, when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list audit events, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only events about the record with this id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most N events (default 200)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guided failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic infrastructure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the environment is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ask a person what to do when a deployment fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail deployments without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>let deployments create targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>do not let deployments create targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stages that releases are promoted through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create an environment at the end of the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the new environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change an environment; only the options given change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set the order of all environments, or move one with --before/--after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every environment in the new order, or the one to move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move NAME just before OTHER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move NAME just after OTHER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the environments in their order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show one environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete an environment that nothing uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the lifecycle is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how long releases are kept: forever, N items or N days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how long extracted packages are kept on targets: forever, N items or N days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the lifecycle &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added the phase to the lifecycle &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the phase from the lifecycle &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ordered phases releases are promoted through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a lifecycle (without phases: one phase per environment); add phases with add-phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the new lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change a lifecycle; only the options given change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename the lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>append a phase to a lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lifecycle, by name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the new phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an environment deployed to as soon as a release is eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an environment deployed to by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environments to deploy to before promotion (0: all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the phase never blocks progression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove a phase from a lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the phase, by name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the lifecycles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show a lifecycle with its phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete a lifecycle that no project or channel uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the policy is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds between health checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only test the connection, skip the health check script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run the full health check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how often and how deeply targets are health-checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a machine policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the new policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change a machine policy; only the options given change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename the policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the machine policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show one machine policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete a machine policy that no target uses (never the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the version (compared semantically: 1.0 is 1.0.0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package files in the built-in repository of the space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store package files named &lt;id&gt;.&lt;version&gt;.&lt;ext&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a package file to push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overwrite a version already present with different content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the packages, newest version first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only the versions of this package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show one package version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete a package version that no release uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the versions of a package a channel rule would accept, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a version range such as [1.0,2.0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pre-release tag rule such as ^$ or ^beta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the entries inside a package archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compare package files with their records; exit 4 when they differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove files without records, records without files and partial files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenanted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release version template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lifecycle releases follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untenanted|tenanted|tenanted-or-untenanted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the project deploys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what gets deployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a project with its process, variables and Default channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the new project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change a project; only the options given change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop releases and deployments of the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allow releases and deployments again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show one project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete a project with its process, variables, channels and releases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>groups of projects on the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a project group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the new group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the group holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change a project group; only the options given change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the project groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show one project group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete a project group that holds no projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partitions of the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show one space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a space (with its default machine policy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the new space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the space is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change a space; only the options given change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename the space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete an empty space (never the Default space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ordered sets of tags that classify tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a tag set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the new tag set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the tags classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tag, optionally with its colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change a tag set; only the options given change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename the tag set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>append a tag to a tag set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tag set, by name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new tag&apos;s name, optionally NAME:#RRGGBB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tag&apos;s colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the tag means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove a tag that no tenant or target carries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tag, by name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the tag sets in their order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show a tag set with its tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete a tag set whose tags nothing carries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host name or IP address (ssh, winrm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP port (default 22 for ssh, 5986 for winrm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>root directory on the target, or the local / drop folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account that logs in (ssh, winrm); empty for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an environment the target belongs to; replaces the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a target tag (role) such as web; replaces the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tenant the target serves; replaces the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tenant tag whose tenants the target serves; replaces the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the machine policy (default: the space&apos;s default policy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection timeout, 1-600 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>winrm: connect over HTTPS (the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>winrm: connect over plain HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh: apply ~/.ssh/config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh: ignore ~/.ssh/config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exclude the target from deployments and health checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>include the target again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection timeout must be a number of seconds, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machines and folders that receive software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the targets, optionally filtered (all filters must match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only targets in this environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only targets with this tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only targets of this kind: ssh|winrm|local|offline-drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only targets with this health: unknown|healthy|has-warnings|unhealthy|unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only targets whose name, host, directory, tags or environments contain every word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the new target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh|winrm|local|offline-drop (default ssh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change a target; only the options given change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh|winrm|local|offline-drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list every target tag in use in the space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show one target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete a target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a project the tenant deploys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an environment the tenant deploys that project to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customers that deployments can be made for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a tenant, optionally tagged and connected to one project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the new tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who the tenant is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tag from a tag set, such as Tier/Premium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change a tenant; only the options given change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename the tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tag from a tag set; replaces the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove every tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect a tenant to a project for the given environments (replaces that project&apos;s environments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tenant, by name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnect a tenant from a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project to disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show a tenant with its projects and environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete a tenant that no target or deployment refers to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON file: {&quot;Name&quot;: &quot;value&quot;} or [{name, value, sensitive, scope}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolve for this environment, machine, role, step, channel, tenant, tenantTag or process (role and tenantTag may repeat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluate templates, explain scoping and replace values in files, from a variables file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print a template or expression evaluated against the variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the template file to evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the template text to evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail on unresolved variables and template problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show every value of a variable, which ones match the context and which wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the variable&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replace values in JSON, YAML, XML or properties files by key path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the files to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (default), json, yaml, xml or properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write the changed files into DIR instead of in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a workspace or show what it holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create the workspace folder and database (or bring an existing one up to date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fill a new workspace with demo environments, projects, tenants and targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the workspace path, id, schema version and how many records of each kind the space holds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
