<?php
// Fresh WordPress install through WordPress's own installer (what the web installer calls).
// argv: site url. Pretty permalinks, a fixed timezone, and nothing else changed, so the
// default widgets and options are what a new user gets.
define('WP_INSTALLING', true);
require_once getenv('WP_ROOT') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('Real Engine Test Blog', 'admin', 'admin@example.org', true, '', 'password-not-secret');
update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/');
update_option('timezone_string', 'Europe/Paris');
update_option('blogdescription', 'Saved from WordPress ' . get_bloginfo('version'));
flush_rewrite_rules(false);
echo json_encode(['user_id' => $result['user_id'], 'version' => get_bloginfo('version')]), "\n";
