<?php
// Switch theme and comment paging the way the admin screens do (switch_theme, update_option).
// argv: theme, default_comments_page (newest|oldest), comment_order (asc|desc).
require_once getenv('WP_ROOT') . '/wp-load.php';
[$_, $theme, $page, $order] = $argv;
switch_theme($theme);
update_option('page_comments', 1);
update_option('comments_per_page', 5);
update_option('thread_comments', 1);
update_option('thread_comments_depth', 10);
update_option('default_comments_page', $page);
update_option('comment_order', $order);
echo json_encode(['theme' => get_stylesheet(), 'page' => get_option('default_comments_page'),
    'order' => get_option('comment_order')]), "\n";
