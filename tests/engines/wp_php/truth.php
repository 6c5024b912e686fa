<?php
// What WordPress itself holds: every published post and its visible comments, as JSON.
// Read through WordPress's API, never from our parser. Dates carry the site's offset.
require_once getenv('WP_ROOT') . '/wp-load.php';
$posts = [];
foreach (get_posts(['post_type' => 'post', 'post_status' => 'publish', 'numberposts' => -1,
                    'orderby' => 'ID', 'order' => 'ASC']) as $p) {
    $comments = [];
    $visible = !post_password_required($p);
    foreach (get_comments(['post_id' => $p->ID, 'status' => 'approve', 'type' => 'comment',
                           'orderby' => 'comment_ID', 'order' => 'ASC']) as $c) {
        $comments[] = ['id' => (string) $c->comment_ID,
            'parent_id' => $c->comment_parent ? (string) $c->comment_parent : null,
            'author' => $c->comment_author,
            'published' => mysql2date('c', $c->comment_date, false) ?: null,
            'published_gmt' => $c->comment_date_gmt,
            'html' => apply_filters('comment_text', $c->comment_content, $c, []),
            'url' => get_comment_link($c),
            'is_post_author' => $c->user_id && (int) $c->user_id === (int) $p->post_author];
    }
    // Classic themes link every page of a <!--nextpage--> post (wp_link_pages); WordPress
    // 6.1's block themes render no page links, so a reader only ever sees page one.
    $shown = $p->post_content;
    if (wp_is_block_theme() && strpos($shown, '<!--nextpage-->') !== false) {
        $shown = explode('<!--nextpage-->', $shown)[0];
    }
    $content = apply_filters('the_content', $shown);
    $posts[] = ['id' => $p->ID, 'url' => get_permalink($p), 'title' => html_entity_decode(get_the_title($p), ENT_QUOTES, 'UTF-8'),
        'raw_title' => $p->post_title,
        'author' => get_the_author_meta('display_name', $p->post_author),
        'published' => get_the_date('c', $p), 'modified' => get_the_modified_date('c', $p),
        'published_gmt' => $p->post_date_gmt,
        'categories' => array_map(fn($t) => html_entity_decode($t->name, ENT_QUOTES, 'UTF-8'), get_the_category($p->ID)),
        'tags' => array_map(fn($t) => html_entity_decode($t->name, ENT_QUOTES, 'UTF-8'), get_the_tags($p->ID) ?: []),
        'format' => get_post_format($p) ?: 'standard', 'sticky' => is_sticky($p->ID),
        'protected' => !$visible, 'pages' => substr_count($p->post_content, '<!--nextpage-->') + 1,
        'pages_linked' => !wp_is_block_theme(),
        'html' => $content, 'comments_visible' => $visible,
        'comments_number' => (int) get_comments_number($p),
        'comments' => $visible ? $comments : []];
}
// WordPress pages (the "Sample Page") are content too: allowed as records, not scored.
$pages = array_map(fn($p) => get_permalink($p), get_posts(['post_type' => 'page', 'post_status' => 'publish', 'numberposts' => -1]));
echo json_encode(['posts' => $posts, 'pages' => $pages,
    'site' => ['name' => get_bloginfo('name'), 'url' => home_url('/')],
    'language' => get_bloginfo('language'), 'home' => home_url('/'), 'version' => get_bloginfo('version'),
    'theme' => get_stylesheet()], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
