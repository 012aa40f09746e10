-- The notification templates of SPEC section 6, with their fixed ids. Titles and bodies are Pebble templates
-- producing Markdown; they see user_name, user_username, user_email, labels, data and access_url (the base of
-- every link, CODER_ACCESS_URL). The greeting ("Hi <name>") is added by the delivery, not written here.
-- Optional labels are wrapped in {% if %} so that a missing one leaves no stray punctuation.

INSERT INTO notification_templates (id, name, "group", audience, kind, title_template, body_template, actions) VALUES
('f517da0b-cdc9-410f-ab89-a86107c420ed', 'Workspace Deleted', 'Workspace Events', 'subject', 'system',
 $t$Workspace "{{ labels.name }}" deleted$t$,
 $b$Your workspace **{{ labels.name }}** was deleted.
The specified reason was "**{{ labels.reason }}{% if labels.initiator %} ({{ labels.initiator }}){% endif %}**".$b$,
 $a$[{"label": "View workspaces", "url": "{{ access_url }}/workspaces"},
     {"label": "View templates", "url": "{{ access_url }}/templates"}]$a$),

('2faeee0f-26cb-4e96-821c-85ccb9f71513', 'Workspace Manual Build Failed', 'Workspace Events', 'template-admins', 'system',
 $t$Workspace "{{ labels.name }}" manual build failed$t$,
 $b$A manual build of the workspace **{{ labels.name }}**{% if labels.workspace_owner_username %} owned by **{{ labels.workspace_owner_username }}**{% endif %} using the template **{{ labels.template_name }}** failed{% if labels.template_version_name %} (version: **{{ labels.template_version_name }}**){% endif %}.{% if labels.initiator %}
The workspace build was initiated by **{{ labels.initiator }}**.{% endif %}$b$,
 $a$[{"label": "View build", "url": "{{ access_url }}/@{{ labels.workspace_owner_username }}/{{ labels.name }}/builds/{{ labels.workspace_build_number }}"}]$a$),

('381df2a9-c0c0-4749-420f-80a9280c66f9', 'Workspace Autobuild Failed', 'Workspace Events', 'subject', 'system',
 $t$Workspace "{{ labels.name }}" autobuild failed$t$,
 $b$Automatic build of your workspace **{{ labels.name }}** failed.{% if labels.reason %}
The specified reason was "**{{ labels.reason }}**".{% endif %}$b$,
 $a$[{"label": "View workspace", "url": "{{ access_url }}/@{{ user_username }}/{{ labels.name }}"}]$a$),

('c34a0c09-0704-4cac-bd1c-0c0146811c2b', 'Workspace Updated Automatically', 'Workspace Events', 'subject', 'system',
 $t$Workspace "{{ labels.name }}" updated automatically$t$,
 $b$Your workspace **{{ labels.name }}** has been updated automatically to the latest template version{% if labels.template_version_name %} ({{ labels.template_version_name }}){% endif %}.{% if labels.template_version_message %}
Reason for update: **{{ labels.template_version_message }}**.{% endif %}$b$,
 $a$[{"label": "View workspace", "url": "{{ access_url }}/@{{ user_username }}/{{ labels.name }}"}]$a$),

('0ea69165-ec14-4314-91f1-69566ac3c5a0', 'Workspace Marked as Dormant', 'Workspace Events', 'subject', 'system',
 $t$Workspace "{{ labels.name }}" marked as dormant$t$,
 $b$Your workspace **{{ labels.name }}** has been marked as **dormant**{% if labels.reason %} because of {{ labels.reason }}{% endif %}.
Dormant workspaces are deleted automatically{% if labels.timeTilDormant %} after {{ labels.timeTilDormant }} of inactivity{% endif %}.
To prevent deletion, use your workspace with the link below.$b$,
 $a$[{"label": "View workspace", "url": "{{ access_url }}/@{{ user_username }}/{{ labels.name }}"}]$a$),

('51ce2fdf-c9ca-4be1-8d70-628674f9bc42', 'Workspace Marked for Deletion', 'Workspace Events', 'subject', 'system',
 $t$Workspace "{{ labels.name }}" marked for deletion$t$,
 $b$Your workspace **{{ labels.name }}** has been marked for **deletion**{% if labels.timeTilDormant %} after {{ labels.timeTilDormant }} of dormancy{% endif %}{% if labels.reason %} because of {{ labels.reason }}{% endif %}.
To prevent deletion, use your workspace with the link below.$b$,
 $a$[{"label": "View workspace", "url": "{{ access_url }}/@{{ user_username }}/{{ labels.name }}"}]$a$),

('4e19c0ac-94e1-4532-9515-d1801aa283b2', 'User account created', 'User Events', 'admins', 'system',
 $t$User account "{{ labels.created_account_name }}" created$t$,
 $b$New user account **{{ labels.created_account_name }}**{% if labels.created_account_user_name %} ({{ labels.created_account_user_name }}){% endif %} has been created{% if labels.initiator %} by **{{ labels.initiator }}**{% endif %}.$b$,
 $a$[{"label": "View accounts", "url": "{{ access_url }}/deployment/users?filter=status%3Aactive"}]$a$),

('f44d9314-ad03-4bc8-95d0-5cad491da6b6', 'User account deleted', 'User Events', 'admins', 'system',
 $t$User account "{{ labels.deleted_account_name }}" deleted$t$,
 $b$User account **{{ labels.deleted_account_name }}**{% if labels.deleted_account_user_name %} ({{ labels.deleted_account_user_name }}){% endif %} has been deleted{% if labels.initiator %} by **{{ labels.initiator }}**{% endif %}.$b$,
 $a$[{"label": "View accounts", "url": "{{ access_url }}/deployment/users?filter=status%3Aactive"}]$a$),

('b02ddd82-4733-4d02-a2d7-c36f3598997d', 'User account suspended', 'User Events', 'admins', 'system',
 $t$User account "{{ labels.suspended_account_name }}" suspended$t$,
 $b$User account **{{ labels.suspended_account_name }}**{% if labels.suspended_account_user_name %} ({{ labels.suspended_account_user_name }}){% endif %} has been suspended{% if labels.initiator %} by **{{ labels.initiator }}**{% endif %}.$b$,
 $a$[{"label": "View suspended accounts", "url": "{{ access_url }}/deployment/users?filter=status%3Asuspended"}]$a$),

('9f5af851-8408-4e73-a7a1-c6502ba46689', 'User account activated', 'User Events', 'admins', 'system',
 $t$User account "{{ labels.activated_account_name }}" activated$t$,
 $b$User account **{{ labels.activated_account_name }}**{% if labels.activated_account_user_name %} ({{ labels.activated_account_user_name }}){% endif %} has been activated{% if labels.initiator %} by **{{ labels.initiator }}**{% endif %}.$b$,
 $a$[{"label": "View accounts", "url": "{{ access_url }}/deployment/users?filter=status%3Aactive"}]$a$),

('6a2f0609-9b69-4d36-a989-9f5925b6cbff', 'Your account has been suspended', 'User Events', 'subject', 'system',
 $t$Your account "{{ labels.suspended_account_name }}" has been suspended$t$,
 $b$Your account **{{ labels.suspended_account_name }}** has been suspended{% if labels.initiator %} by **{{ labels.initiator }}**{% endif %}.
Contact your administrator if you think this is a mistake.$b$,
 $a$[]$a$),

('1a6a6bea-ee0a-43e2-9e7c-eabdb53730e4', 'Your account has been activated', 'User Events', 'subject', 'system',
 $t$Your account "{{ labels.activated_account_name }}" has been activated$t$,
 $b$Your account **{{ labels.activated_account_name }}** has been activated{% if labels.initiator %} by **{{ labels.initiator }}**{% endif %}.$b$,
 $a$[{"label": "Open Coder", "url": "{{ access_url }}"}]$a$),

('29a09665-2a4c-403f-9648-54301670e7be', 'Template Deleted', 'Template Events', 'template-admins', 'system',
 $t$Template "{{ labels.name }}" deleted$t$,
 $b$The template **{{ labels.name }}** was deleted{% if labels.initiator %} by **{{ labels.initiator }}**{% endif %}.$b$,
 $a$[{"label": "View templates", "url": "{{ access_url }}/templates"}]$a$),

('c425f63e-716a-4bf4-ae24-78348f706c3f', 'Troubleshooting Notification', 'Notification Events', 'subject', 'system',
 $t$A test notification$t$,
 $b$This is a test notification: delivery to you works.$b$,
 $a$[{"label": "View notification settings", "url": "{{ access_url }}/deployment/notifications?tab=settings"}]$a$),

('39b1e189-c857-4b0c-877a-511144c18516', 'Custom Notification', 'Custom Events', 'subject', 'custom',
 $t${{ labels.custom_title }}$t$,
 $b${{ labels.custom_message }}$b$,
 $a$[]$a$);
