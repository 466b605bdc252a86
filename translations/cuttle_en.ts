<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AutomaticDeployments</name>
    <message>
        <source>Deployed automatically by the lifecycle &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>Only when every previous step succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when a previous step failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a variable expression is true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy a package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer a package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual intervention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; runs a script from a package, so it needs the package and the script&apos;s file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script source of the step &quot;%1&quot; must be Inline or Package, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; has no script to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; needs a package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; needs the path on the target to transfer the package to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manual intervention &quot;%1&quot; needs instructions for the person who takes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A package of the step &quot;%1&quot; has no package ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; refers to two packages by the same name &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The maximum parallelism of the step &quot;%1&quot; must be a whole number above 0 or a variable, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two steps are named &quot;%1&quot;; step names must differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; has nothing to do: add an action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; runs when a variable expression is true, but has no expression.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rolling window of the step &quot;%1&quot; must be a whole number above 0 or a variable, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two actions are named &quot;%1&quot;; output variables need distinct names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; needs the target tags it runs on, or to run on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success with warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The push of “%1” was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no lifecycle with id %1 in this space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no library variable set with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is already used by another library variable set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library variable set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; names the environment %2, which is not in this space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; names the channel %2, which this project does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process snapshot of release %1 is damaged: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the variables snapshot of release %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no release with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no task &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no project with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 has no variable set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A variable needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; in a library variable set cannot be scoped to steps or channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompted variable &quot;%1&quot; needs a label.</source>
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
    <message>
        <source>“%1” is a folder; only package files can be pushed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package file “%1” cannot be opened: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ChangeLock</name>
    <message>
        <source>The package repository folder “%1” cannot be locked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ChannelRepository</name>
    <message>
        <source>channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A version rule of the channel &quot;%1&quot; names no package step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no channel with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no channel named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 has no default channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the project&apos;s default channel; make another channel the default instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the project&apos;s default channel and cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel &quot;%1&quot; cannot be deleted while %2 release(s) belong to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel &quot;%1&quot; cannot be deleted while the step &quot;%2&quot; is limited to it.</source>
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
    <message>
        <source>--%1 takes a time such as 2026-11-27T22:00, 2026-11-27T22:00Z or +2h, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy %1 release %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy %1 release %2 to %3 for %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guided failure: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on: this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on: no target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on: %1 (rolling, %2 at a time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on: %1 (at most %2 at once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action %1 skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which %1 with --%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--variable takes LABEL=VALUE, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--guided-failure takes on, off or default, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 release %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 release %2 to %3 for %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued the deployment of %1 as task %2 (cuttlectl task log %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the library variable set &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the library variable set &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the library variable set &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option --project is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project &quot;%1&quot; already includes the library variable set &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project &quot;%1&quot; does not include the library variable set &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project &quot;%1&quot; now includes the library variable set &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project &quot;%1&quot; no longer includes the library variable set &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged %1: the repository already has this very file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package prune needs --older-than DAYS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of days must be a whole number of zero or more, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would delete %1 (%2), uploaded %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1 (%2), uploaded %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept %1: a release uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which project with --project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the script with --script or --script-file, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script file %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a step type; use %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a step condition; use %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--property takes NAME=VALUE, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process of %1 has no step named &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added the step &quot;%1&quot; to %2 as step %3 of %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the step &quot;%1&quot; from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the definition of %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a JSON project definition: %2 at byte %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the project &quot;%1&quot; (%2) from %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the project &quot;%1&quot; (%2) from %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--package takes STEP=VERSION or STEP:REFERENCE=VERSION, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the release notes with --notes or --notes-file, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes file %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lifecycle queued an automatic deployment as task %1 (cuttlectl task run %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created release %1 of %2 in the channel &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its package versions break the channel&apos;s rules; that was asked for and is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the targets with --target, --environment or --tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target &quot;%1&quot; is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No enabled target matches the given environment or tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --script or a command after --, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script &quot;%1&quot; cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the command to run after --, or a script with --script.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-parallel must be a positive number, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: exit code 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;cuttlectl target pin-host-key %1&quot; or &quot;cuttlectl target check %1 --accept-new-host-key&quot; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: killed by signal %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: exit code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as task %1 (cuttlectl task log %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass --accept-new-host-key to trust it, or run &quot;cuttlectl target pin-host-key %1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned the new host key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the targets to check, or pass --all, --environment or --tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust %1 for target %2? [y/N]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target &quot;%1&quot; is not an SSH target and has no host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target &quot;%1&quot; offered no host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target &quot;%1&quot; offers the host key %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target &quot;%1&quot; offers the host key %2, not %3; nothing was pinned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass --yes or --fingerprint %1 to pin the host key without a question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was pinned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key %1 of &quot;%2&quot; was already pinned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned the host key %1 for &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a positive number, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was canceled before it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is cancelling; the process running it stops its commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not waiting for anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered &quot;%1&quot; with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You took &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 succeeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cuttlectl: %1 ended %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cuttlectl: waiting to start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give exactly one of --project and --library-set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scope &quot;%1&quot; must be DIM=VALUE with DIM one of environment, machine, role, step, channel, tenant, tenantTag or process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--prompt-required, --prompt-description and --prompt-control need --prompt LABEL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt needs a label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt control &quot;%1&quot; is unknown; use single-line, multi-line, checkbox or sensitive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give only one of --value, --value-file and --value-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sensitive value is never taken from the command line; use --value-file or --value-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the variable &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the variable &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --variables or --project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> from %1</source>
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
    <message>
        <source>run &quot;cuttlectl %1 --help&quot; for usage.</source>
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
        <source>The variables file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The variables file %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the variables file %1</source>
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
    <name>Cuttle::DeploymentRepository</name>
    <message>
        <source>The expiry of a scheduled deployment must be after its queue time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no release with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1 belongs to another project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no environment with id %1 in the release&apos;s space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tenant with id %1 in the release&apos;s space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy %1 release %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy %1 release %2 to %3 for %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 to %3 for %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no deployment with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task %1 is not a deployment.</source>
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
    <name>Cuttle::HostKeyDialog</name>
    <message>
        <source>Host key changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of &quot;%1&quot; has changed. The connection was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone may be intercepting the connection, or the machine was reinstalled or its SSH keys were regenerated. Re-pin the new key only if you know why it changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key the server offered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no pinned host key yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the fingerprint below with the one the machine&apos;s administrator gives you (ssh-keygen -lf on the server&apos;s host key). Once trusted, Cuttle refuses any other key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-pin the new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust and pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep refusing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not trust</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::IncludedLibrarySetsPanel</name>
    <message>
        <source>Library variable sets share values between projects. Included sets are resolved after the project&apos;s own values: on equal specificity the project&apos;s value wins, then the set included first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project includes no library variable sets. Use Include… to add one; create sets in Library › Library variable sets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a set to see its values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — values are read-only here; edit them in Library › Library variable sets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include library variable sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every library variable set of this space is already included, or there are none yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the sets to include:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include</source>
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
        <source>Packages</source>
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
    <name>Cuttle::LibraryVariableSetListModel</name>
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
    <name>Cuttle::LibraryVariableSetRepository</name>
    <message>
        <source>There is no library variable set named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no space with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no library variable set with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library variable set &quot;%1&quot; cannot be deleted while the project %2 includes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library variable set &quot;%1&quot; cannot be deleted while the projects %2 include it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no project with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no library variable set with id %1 in this space.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::LibraryVariableSetsPanel</name>
    <message>
        <source>Add set</source>
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
        <source>No library variable sets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library variable sets hold variables shared by several projects, such as connection strings and credentials. Create a set, give it values, then include it from a project&apos;s Variables › Library sets tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add library variable set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a variable set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit library variable set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
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
    <message>
        <source>Drop to upload the package file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop to upload %1 package files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to the built-in repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to the built-in repository of %2</source>
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
    <name>Cuttle::PackageTreeModel</name>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Package / version</source>
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
</context>
<context>
    <name>Cuttle::PackageUploader</name>
    <message>
        <source>Only files on this computer can be uploaded, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is a folder; drop the package files inside it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload was cancelled; the repository is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload was cancelled before it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: %1 is already in the repository with different content, which was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged (already in the repository): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::PackagesPanel</name>
    <message>
        <source>Filter by package id, version or title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push package files to this space&apos;s built-in repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a version to see the files inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files in the archive</source>
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
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Uploading %n file(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Upload packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages (*.zip *.tar.gz *.tgz *.tar *.tar.bz2 *.tar.xz *.nupkg *.jar *.war);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No release notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 from the built-in repository? Its file is removed as well.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ProcessJson</name>
    <message>
        <source>an action type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a start trigger (StartAfterPrevious, StartWithPrevious)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a step condition (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ProcessJson::Reader</name>
    <message>
        <source>a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object of texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2: &quot;%3&quot; is not %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 must be %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ProcessRepository</name>
    <message>
        <source>The deployment process was changed by someone else since it was opened (version %1, now %2); reload it and make the change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 does not exist.</source>
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
    <name>Cuttle::ProjectVariablesPage</name>
    <message>
        <source>Project variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project variables •</source>
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
    <name>Cuttle::RecordListPanel</name>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ReleaseRepository</name>
    <message>
        <source>The project has no release %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a release version; use a version such as 1.2.3 or 1.2.3-beta.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no channel with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project already has a release %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the release is blocked; the reason is shown to everyone who tries to promote it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ScopeEditorDialog</name>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value applies only where every scoped dimension matches; several values in one dimension mean any of them. Leave everything empty for an unscoped value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None in this space yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any — type or press Down to choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any — type names, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps, channels and processes are not records yet: type their names exactly as the deployment process and channels will name them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes are not records yet: type their names exactly. Library variable sets cannot be scoped to steps or channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in this space: %1. Choose from the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ScopeFields</name>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ScopeValuesEdit</name>
    <message>
        <source>Show the choices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ScriptConsoleWidget</name>
    <message>
        <source>This target is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bash script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g.
uname -a
df -h &quot;$HOME&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>targets at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the script on every chosen target in parallel (Ctrl+Return).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the script on every target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose targets, enter a script and run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open task log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output of the selected target shows here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This space has no deployment targets yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No target chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n target(s) chosen: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one enabled target by name, environment or tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the script to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Starting the script on %n target(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling: stopping the script on every target…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Running as task %1 on %n target(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>SIG%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script did not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Task %1 succeeded: the script exited with code 0 on all %n target(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Task %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 failed: the script succeeded on %2 of %3 targets.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::ScriptRunController</name>
    <message>
        <source>The script run ended without a result.</source>
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
    <message>
        <source>A task needs a kind.</source>
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
    <message>
        <source>Check &amp;health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the target as last saved and check that it can take deployments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the target first, then check its health.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinning the host key %1 and checking again…</source>
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
    <message>
        <source>Check health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the selected targets and check that they can take deployments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the health of every target the filter shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checking %n target(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checked %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health check was cancelled; targets not checked keep their last result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n target(s) healthy.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cuttle::TaskListModel</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TaskLogTreeModel</name>
    <message>
        <source>Step / target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TaskLogView</name>
    <message>
        <source>Select a task to see its log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading task %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::TaskRepository</name>
    <message>
        <source>A task cannot complete as &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no task log node %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task was interrupted: the Cuttle process running it ended before it finished.</source>
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
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script runs, and later deployments and health checks, run as tasks. This list shows them newest first, each with its log per step and target. Run a script on your targets from the script console to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the script console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script console</source>
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
    <name>Cuttle::UploadFileRow</name>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel this upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in the repository with different content. Replace it or keep it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged: %1 is already in the repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::UploadPanel</name>
    <message>
        <source>Cancel all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading a package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading packages: %1 of %2 files done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload finished: %1 added, %2 unchanged, %3 replaced, %4 rejected</source>
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
    <name>Cuttle::VariableDetailsDialog</name>
    <message>
        <source>Details of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the value is for, shown as a tooltip in the grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt for a value at deployment time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single-line text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-line text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value is required to deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A prompted variable needs a label to ask with.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::VariableExplanationModel</name>
    <message>
        <source>Winner (tie)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Winner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unscoped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library set %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defined in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::VariablePreviewModel</name>
    <message>
        <source>unscoped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library set %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) defined; select and press Explain to see why this one won.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Winning scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defined in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::VariablePreviewPanel</name>
    <message>
        <source>Deployment context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, value or scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain variable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row above or type a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a context to see what each variable resolves to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading variables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no environment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untenanted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenant tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 variables have a value in this context.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::VariableRepository</name>
    <message>
        <source>The library variable set &quot;%1&quot; has no value of the variable &quot;%2&quot; with that scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project &quot;%1&quot; has no value of the variable &quot;%2&quot; with that scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The variable &quot;%1&quot; (%2) does not belong to &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The variable id %1 appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sensitive variable &quot;%1&quot; needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::VariableService</name>
    <message>
        <source>The sensitive variable &quot;%1&quot; needs a value.</source>
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
    <name>Cuttle::VariableTableModel</name>
    <message>
        <source>Every value needs a variable name (row %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The variable %1 has two values with the same scope (rows %2 and %3); change the scope of one or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompted at deployment as &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive: the stored value is kept; type to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive: saved to the keychain and never shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::VariableValueDelegate</name>
    <message>
        <source>Type a new value to replace the stored one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the sensitive value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(type a value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unscoped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::VariablesEditor</name>
    <message>
        <source>Filter by name, value or scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every word must match the name, the value or a scope value. Limit a word with name:, value:, scope:, env:, target:, tag:, tenant:, tenanttag:, step:, channel: or process:, and keep spaces with quotes, e.g. env:Production &quot;connection string&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a new variable (Insert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add another value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add another value of the selected variable, to scope differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the environments, targets, tags, tenants, steps and channels the value applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the value in the keychain; once saved it is never shown again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description and deployment prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected values (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit scope…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every change of this set at once (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The variables you were editing have unsaved changes. Save them before moving on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous changes were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 value(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 values</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cuttle::VariablesJson</name>
    <message>
        <source>Entry %1 of %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must have an object for &quot;prompt&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has the unknown prompt control &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has an unknown or mistyped prompt field &quot;%1&quot;</source>
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
        <source>must have a text &quot;description&quot;</source>
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
    <name>DeploymentActionRunner</name>
    <message>
        <source>Output variable %1 set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifact %1 collected from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was killed by signal %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exited with code %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid template: %2 (line %3, column %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file matched %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release has no package for the step &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is already in the target&apos;s package cache; not uploaded again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1 %2 (%3 bytes) to the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual interventions cannot run on a target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script of step &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script parameters of step &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracted %1 %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substituting variables in %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substituted variables in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n value(s) in %1: %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The custom installation directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying to the custom installation directory %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the package to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 still points at the previous release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/current now points at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred %1 %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1 from the package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step&apos;s %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the step&apos;s %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1 %2 (%3 bytes) unless the target&apos;s package cache has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) sent before the target said it had the package were dropped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Uploaded %1 %2 (%3 bytes) to the target, extracting it as it arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No kept release uses %1 any more; removed from the target&apos;s package cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) matching %1 came along with the extraction.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Another deployment was using the target&apos;s package cache; it is cleared of unused packages next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may point at %2 already: the command that switches it was interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ended without switching %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeploymentExecutor</name>
    <message>
        <source>this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for someone to answer &quot;%1&quot; (%2): %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A previous step failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It runs only when a previous step failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its condition is not a valid template: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its condition %1 is false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for another task to finish its step on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; failed on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no further part in this deployment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manual intervention &quot;%1&quot; was aborted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not take part: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was excluded from this deployment after a failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploying %1 release %2 to %3%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: stopping the commands running on the targets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment was cancelled; the targets keep their previous release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed %1 release %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic deployments this success makes due could not be queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeploymentPlanner</name>
    <message>
        <source> for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1 of %2 cannot be deployed to %3: the lifecycle &quot;%4&quot; does not include that environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1 of %2 is blocked and cannot be deployed to %3%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1 of %2 is blocked and cannot be deployed to %3%4: %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1 of %2 cannot be deployed to %3%4 yet: the phase &quot;%5&quot; must be complete first (%6 of %7 environments deployed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 is tenanted: say which tenant to deploy for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 is not tenanted, so it cannot be deployed for the tenant %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant %1 is not connected to the project %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant %1 does not deploy %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel %1 does not serve the tenant %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue time %1 is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A deployment can be scheduled at most %1 days ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry of a scheduled deployment must be after its queue time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1 has no prompted variable &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompted variable &quot;%1&quot; needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; sets %2 to &quot;%3&quot;, which is not a positive whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the step is disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped by request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs only in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>excluded from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs only for releases of other channels than %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs only for tenants tagged %1, and this deployment has no tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs only for tenants tagged %1, and %2 is not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>excluded by request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not among the chosen targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>takes part in untenanted deployments only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not associated with the tenant %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>takes part in tenanted deployments only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no target &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target %1 is not in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target %1 is both chosen and excluded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1 has no step &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; is required and cannot be skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the step has no action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none of the chosen targets has the target tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no target to run on, and the project allows deployments to no targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; has no target to run on: no target in %2 has the target tag %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; has no target to run on in %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant tag &quot;%1&quot; is not in the form Set/Tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tenant tag %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tenant connected to %1 for %2 is tagged %3.</source>
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
    <name>HealthCheckService</name>
    <message>
        <source>The health check was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected. The machine policy asks for a connection test only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected. Checking the tools and the free space…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health: %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterruptionRepository</name>
    <message>
        <source>There is no interruption %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interruption &quot;%1&quot; was already answered (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an answer to this interruption; answer %2.</source>
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
    <message>
        <source>%1 cannot be read.</source>
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
    <name>PackageDeployer</name>
    <message>
        <source>the package is not in the target&apos;s package cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package contains the entry &quot;%1&quot;, which would be written outside the extraction directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 was refused: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package could not be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither unzip nor bsdtar is installed there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the command was killed by signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 failed: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the package cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching the current release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing old releases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferring the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only part of the package arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing old releases on %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read and has been removed from the package cache; the package is sent again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageFileChanges</name>
    <message>
        <source>No temporary folder could be made to change the files in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local copy of %1 could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changed copy of %1 could not be read.</source>
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
    <name>PackagesPanel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbolic link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectDefinition</name>
    <message>
        <source>This is not a Cuttle project definition of format %1 (&quot;%2&quot;: %1 is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no project group named &quot;%1&quot; in this space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no lifecycle named &quot;%1&quot; in this space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenanted mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no library variable set named &quot;%1&quot; in this space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process names the %1 &quot;%2&quot;, which does not exist here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the variables of the project definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sensitive variable %1 was not imported because the file holds no secret values; set it with cuttlectl variable set %1 --project &quot;%2&quot; --sensitive --value-stdin.</source>
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
    <name>ReleaseService</name>
    <message>
        <source>version range %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pre-release tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of the package %2 (step &quot;%3&quot;) is not in the built-in repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment process cannot be released: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no version of the package %1 (step &quot;%2&quot;) in the built-in repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No version of the package %1 (step &quot;%2&quot;) in the built-in repository satisfies the channel &quot;%3&quot; rule: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of the package %2 (step &quot;%3&quot;) breaks the channel &quot;%4&quot; rule: %5; choose another version or ignore the channel rules deliberately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1 was created, but its automatic deployments could not be queued: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sensitive value of %1 in release %2 cannot be read from the keychain: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReleaseVersionTemplate</name>
    <message>
        <source>The release version template cannot be evaluated: %1 (line %2, column %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release version template refers to %1, which has no value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release version template gives &quot;%1&quot;, which is not a version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteFiles</name>
    <message>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target sent the files in a form that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files to change in %1 on %2 could not be read: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 could not be rewritten: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptBootstrap</name>
    <message>
        <source>The script could not be stored in %1 on %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptRunService</name>
    <message>
        <source>Choose at least one target to run the script on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 targets at once is not possible: give a positive number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a script on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Run a script on %n targets</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Run script</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Running the script on %n target(s), at most %1 at once.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The script did not run on &quot;%1&quot;: the run was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script was killed by signal %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script exited with code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script exited with code 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script run was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script failed on %1 of %2 targets: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script succeeded on every target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task log could not be saved completely: %1</source>
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
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending %1 to a command</source>
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
    <name>TargetConnector</name>
    <message>
        <source>The target &quot;%1&quot; is a WinRM target, and Cuttle cannot connect to WinRM targets yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target &quot;%1&quot; is an offline drop, and Cuttle cannot connect to offline drops yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target &quot;%1&quot; has no account and no ssh-agent is running (SSH_AUTH_SOCK is not set).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets of the account &quot;%1&quot; cannot be read: no keychain is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; has no private key in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; has no password in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is a WinRM account and cannot log in to the SSH target &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cuttle cannot connect to the target &quot;%1&quot; yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key fingerprint must look like &quot;SHA256:...&quot;, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskQueue</name>
    <message>
        <source>The task did not start before its expiry time %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is scheduled for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tasks are already running, the most the workspace runs at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another deployment of the same project to the same environment is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between 1 and 100 tasks can run at once, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no task %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task %1 has already finished (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task was canceled before it started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>This process cannot run tasks of kind %1.</source>
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
    <name>VariablePreviewPanel</name>
    <message>
        <source>none — type a name</source>
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
    <message>
        <source>Deploy a release to an environment (one deployment per tenant), or preview what the deployment would do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project (name or id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the release version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment (name or id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deploy for this tenant (repeat for several: one deployment each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deploy only to this target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave this target out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skip this step (required steps cannot be skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value of a prompted variable (by label or name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pause on errors for a decision; default: the environment&apos;s setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start no earlier than TIME (ISO 8601, local unless it has an offset, or +30m/+2h/+1d; at most 30 days ahead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop the deployment if it has not started by TIME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comments recorded with the deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deploy packages even where that version is already installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print the plan (steps, targets, skipped steps and why, package versions) and change nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run the deployment here once it may start and stream its log; exit 0 on success, 1 otherwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project that includes the set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Included by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library variable sets shared by projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the library variable sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show a library variable set and the projects that include it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a library variable set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the set&apos;s name, unique in the space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the set holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename a library variable set (and change its description)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete a library variable set that no project includes, with its values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make a project include the set (after the ones it includes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop a project including the set</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No package version older than %n day(s) can be deleted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>remove files without records, records without files and partial files (files younger than ten minutes may belong to a push still running and are left alone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete package versions uploaded more than DAYS days ago that no release uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep what was uploaded in the last DAYS days (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only list what would be deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a project&apos;s deployment process: its steps in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the steps of a project&apos;s process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a step (at the end unless --after or --first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the step&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>script (default), deploy-package, transfer-package or manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run on the targets with this tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run on this workstation instead of targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Bash script of a script step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the script from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run this script file from the step&apos;s package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a package the step uses (the first is its primary package)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where a transfer step puts the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what a manual intervention asks for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success (default), Failure, Always or Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run only when this evaluates true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run in parallel with the step before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolling: this many targets at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most this many targets at once (default 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the step cannot be skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run only in this environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never run in this environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run only for releases of this channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set an action property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insert after this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insert as the first step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print a project&apos;s definition (settings, channels, process, variables without secrets) as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project&apos;s name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write to FILE instead of standard output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create or update the project a definition file describes (all or nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file written by project export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel rules ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>releases: a project&apos;s process, variables and package versions frozen for deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a release (version from the project&apos;s template unless given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the release version; default: from the release version template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the channel; default: the project&apos;s default channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the version of a step&apos;s package; default: the latest the channel allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>release notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the release notes from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allow package versions the channel&apos;s rules refuse (recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list a project&apos;s releases, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only this channel&apos;s releases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show one release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take the project&apos;s current variables into the release (the process stays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1 of %2 now has the project&apos;s current variables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prevent a release from progressing to further environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why (shown to whoever tries to promote it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1 of %2 is blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>let a blocked release progress again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1 of %2 is no longer blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a command or a bash script on targets in parallel, each line of output prefixed with the target&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after --: the command and its arguments (one word is a shell command line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run on this target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run on the enabled targets of this environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run on the enabled targets with this tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run this bash script instead of a command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run on at most N targets at once (default 8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run a command or script on targets in parallel: run --target NAME|--environment ENV|--tag TAG [--max-parallel N] (--script FILE | -- COMMAND...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the health of targets in parallel and record it; exit 0 only if all are healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a target to check (also a disabled one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check every enabled target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the enabled targets of this environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the enabled targets with this tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trust and pin the host key of SSH targets contacted for the first time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check at most N targets at once (default 8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect to an SSH target and pin the host key it offers (audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SSH target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pin only if the target offers this fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pin without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tasks (script runs, later deployments) and their logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list tasks of every space, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most N tasks (default 50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave out the N newest tasks (for paging)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show a task&apos;s state, times and error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task id, e.g. ServerTasks-12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print a task&apos;s log as a tree of steps and targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only the text of the lines, in the order they were written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print lines as they are written until the task ends; exit 0 when it succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task&apos;s id, e.g. ServerTasks-12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run a queued task here once it may start, streaming its log; exit 0 on success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel a task: a queued one at once, a running one stops its commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show what a waiting task asks for, take it, or answer it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take responsibility for the interruption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proceed|abort (manual intervention) or fail|retry|ignore|exclude (guided failure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes recorded with the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project whose variables these are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the library variable set whose variables these are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scope the value to an environment, machine, role, step, channel, tenant, tenantTag or process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the variables of a project or a library variable set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the variable values of a project or library set (sensitive ones masked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a value, or replace the one with the same name and scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value (not for sensitive values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the value from FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the value from standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep the value in the keychain and never show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the variable is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ask for the value at deployment time under LABEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>help shown with the prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the prompt must be answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>single-line (default), multi-line, checkbox or sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete the value with this name and exactly this scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>explain with the project&apos;s variables and its library sets&apos; (in the workspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>also deploy for each tenant connected to the project and environment with this tag (repeat: any tag of a set, and one of each set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deploy a release: deploy --project P --release V --environment E [--tenant T]... [--tenant-tag SET/TAG]... [--preview]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
