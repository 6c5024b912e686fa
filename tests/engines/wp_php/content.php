<?php
// The test blog's content, made through WordPress's own API (wp_insert_post, wp_insert_comment,
// set_post_format, stick_post, wp_update_post ...), so the pages are what WordPress renders for
// real content, not markup we wrote. Deterministic: fixed dates, no randomness.
require_once getenv('WP_ROOT') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/taxonomy.php';

$site = home_url();
$uploads = wp_upload_dir();

function p($text) { return "<!-- wp:paragraph -->\n<p>$text</p>\n<!-- /wp:paragraph -->\n\n"; }

$words = explode(' ', 'river mountain archive lantern harbour signal meadow orchard copper '
    . 'winter compass thunder velvet granite saffron ember tide quarry falcon ledger marble '
    . 'beacon cedar delta glacier horizon island juniper kettle lagoon');
function sentence($seed, $n = 14) {
    global $words;
    $out = [];
    for ($i = 0; $i < $n; $i++) { $out[] = $words[($seed * 7 + $i * 13 + $i * $i) % count($words)]; }
    return ucfirst(implode(' ', $out)) . '.';
}
function para($seed, $sentences = 4) {
    $s = [];
    for ($i = 0; $i < $sentences; $i++) { $s[] = sentence($seed * 31 + $i, 10 + ($seed + $i) % 9); }
    return implode(' ', $s);
}

// Authors: several, with non-ASCII display names.
$authors = [1];
wp_update_user(['ID' => 1, 'display_name' => 'Site Admin', 'nickname' => 'Site Admin']);
foreach ([['zoe', 'Zoë Ångström'], ['mikolaj', 'Mikołaj Żółkiewski'], ['tanaka', '田中 太郎']] as $u) {
    $id = wp_insert_user(['user_login' => $u[0], 'user_pass' => 'x-' . $u[0], 'display_name' => $u[1],
        'nickname' => $u[1], 'role' => 'author', 'user_email' => $u[0] . '@example.org']);
    $authors[] = $id;
}

$cats = [];
foreach (['News', 'Science', 'Café Culture', 'Travel'] as $c) { $cats[$c] = wp_create_category($c); }

// A tiny image for the gallery, served by nginx from uploads.
$png = base64_decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==');
$imgs = [];
for ($i = 1; $i <= 3; $i++) {
    file_put_contents($uploads['basedir'] . "/pixel-$i.png", $png);
    $imgs[] = $uploads['baseurl'] . "/pixel-$i.png";
}

$day = 0;
function post($title, $content, $opts = []) {
    global $day, $authors, $cats;
    $day++;
    $date = sprintf('2024-%02d-%02d %02d:%02d:00', 1 + intdiv($day, 28), 1 + $day % 28, 8 + $day % 11, ($day * 17) % 60);
    $args = array_merge([
        'post_title' => $title, 'post_content' => $content, 'post_status' => 'publish',
        'post_author' => $authors[$day % count($authors)], 'post_date' => $date,
        'post_category' => [array_values($cats)[$day % count($cats)]],
        'comment_status' => 'open', 'ping_status' => 'open',
    ], $opts);
    $id = wp_insert_post(wp_slash($args), true);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
    return $id;
}

$cid = 0;
// One comment, approved unless told; dates follow the post's, one hour apart.
function comment($post, $parent, $author, $text, $opts = []) {
    global $cid;
    $cid++;
    $pd = get_post($post)->post_date_gmt;
    $gmt = gmdate('Y-m-d H:i:s', strtotime($pd . ' UTC') + 3600 * $cid);
    $args = array_merge([
        'comment_post_ID' => $post, 'comment_parent' => $parent, 'comment_author' => $author,
        'comment_author_email' => sanitize_title($author) . '@example.net',
        'comment_author_url' => '', 'comment_content' => $text, 'comment_approved' => 1,
        'comment_date_gmt' => $gmt, 'comment_date' => get_date_from_gmt($gmt),
        'comment_type' => 'comment',
    ], $opts);
    return wp_insert_comment(wp_slash($args));
}

$names = ['Anna', 'Björn Lindqvist', 'Chloé', 'Dmitri Волков', 'Eve', 'Fatima Zahra', 'Gustav',
    'Hana 花子', 'Ivo', 'Jürgen Groß', 'Kwame', 'Léa'];
// A thread: $shape[i] is how deep the reply chain under top-level comment i goes.
function thread($post, $shape, $tag) {
    global $names;
    $n = 0;
    foreach ($shape as $i => $depth) {
        $parent = 0;
        for ($d = 1; $d <= $depth; $d++) {
            $n++;
            $who = $names[($n + $i) % count($names)];
            $text = "$tag comment $n at depth $d. " . sentence($n * 3 + $i, 8 + $n % 7);
            if ($n % 5 == 0) { $text .= "\n\nA second paragraph: " . sentence($n + 99, 9); }
            $parent = comment($post, $parent, $who, $text,
                $n % 4 == 0 ? ['comment_author_url' => 'https://example.net/~' . sanitize_title($who)] : []);
            if ($d == 2 && $i % 2 == 0) {  // a sibling reply, so threads branch
                $n++;
                comment($post, get_comment($parent)->comment_parent, $names[($n + 5) % count($names)],
                    "$tag sibling reply $n. " . sentence($n + 7, 9));
            }
        }
    }
}

// 1-2: long threaded discussions over several comment pages, depth up to 7.
$long = post('A long threaded discussion about harbours', p(para(1)) . p(para(2)) . '<!-- wp:more -->' . "\n<!--more-->\n<!-- /wp:more -->\n\n" . p(para(3)),
    ['tags_input' => ['harbours', 'discussion']]);
thread($long, [3, 1, 7, 2, 1, 5, 1, 2, 6, 1, 3, 1, 2], 'Harbour');
$uni = post('Über Straßen, Brücken und „Anführungszeichen“', p(para(4)) . p(para(5)), ['tags_input' => ['Ümlaut', 'discussion']]);
thread($uni, [2, 5, 1, 3, 1, 1, 4], 'Brücke');

// 3: unthreaded (flat) comments, two pages.
$flat = post('Flat comments only', p(para(6)) . p(para(7)));
for ($i = 1; $i <= 7; $i++) { comment($flat, 0, $names[$i % 12], "Flat comment $i. " . sentence($i + 40)); }

// 4: pings, moderation, spam, a post-author reply.
$mixed = post('Pingbacks, trackbacks and a held comment', p(para(8)) . p('Linked from <a href="https://example.com/elsewhere">elsewhere</a>.'));
$c1 = comment($mixed, 0, 'Olga', 'First real comment here. ' . sentence(50));
comment($mixed, 0, 'Other Blog', '[&#8230;] a pingback excerpt [&#8230;]', ['comment_type' => 'pingback', 'comment_author_url' => 'https://other.example/post/']);
comment($mixed, 0, 'Tracking Blog', 'A trackback excerpt.', ['comment_type' => 'trackback', 'comment_author_url' => 'https://track.example/p/']);
comment($mixed, 0, 'Held Back', 'This comment awaits moderation and must never appear.', ['comment_approved' => 0]);
comment($mixed, 0, 'Spammer', 'Buy things! This spam must never appear.', ['comment_approved' => 'spam']);
$author_of_mixed = get_post($mixed)->post_author;
comment($mixed, $c1, get_userdata($author_of_mixed)->display_name, 'The author replies. ' . sentence(51),
    ['user_id' => $author_of_mixed, 'comment_author_email' => get_userdata($author_of_mixed)->user_email]);
comment($mixed, 0, 'Quoting Reader', "<blockquote>Linked from elsewhere.</blockquote>\n\nI quote the post above. " . sentence(52));

// 5-9: post formats.
$q = post('A quote worth keeping', "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>" . sentence(60) . "</p><cite>Ada Lovelace</cite></blockquote>\n<!-- /wp:quote -->\n\n" . p(para(61, 2)));
set_post_format($q, 'quote');
$l = post('A link to elsewhere', p('Read <a href="https://example.org/story">the original story</a> on the other site. ' . sentence(62)));
set_post_format($l, 'link');
$a = post('An aside', p(sentence(63, 20)));
set_post_format($a, 'aside');
comment($a, 0, 'Eve', 'A short reply to an aside. ' . sentence(64));
$gal = '<!-- wp:gallery {"linkTo":"none"} -->' . "\n<figure class=\"wp-block-gallery has-nested-images columns-default is-cropped\">";
foreach ($imgs as $k => $src) { $gal .= "<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"$src\" alt=\"Pixel $k\"/></figure>\n<!-- /wp:image -->\n"; }
$gal .= "</figure>\n<!-- /wp:gallery -->\n\n";
$g = post('A small gallery', p(para(65, 2)) . $gal);
set_post_format($g, 'gallery');
$s = post('Status: on the road again', p(sentence(66, 18)));
set_post_format($s, 'status');

// 10: sticky.
$sticky = post('Sticky: read this first', p(para(70)) . p(para(71)), ['tags_input' => ['announcement']]);
stick_post($sticky);
comment($sticky, 0, 'Léa', 'Noted, thanks! ' . sentence(72));

// 11-13: teasers.
for ($i = 0; $i < 3; $i++) {
    $t = post("Teaser number " . ($i + 1) . ": the long read", p(para(80 + $i)) . "<!--more-->\n\n" . p(para(90 + $i)) . p(para(100 + $i)),
        ['tags_input' => ['longread']]);
    if ($i == 1) { comment($t, 0, 'Ivo', 'Good long read. ' . sentence(83)); }
}

// 14-15: posts split into pages.
$np = post('A post in three pages', p('Page one. ' . para(110)) . "<!--nextpage-->\n\n" . p('Page two. ' . para(111)) . "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>A quote on page two.</p></blockquote>\n<!-- /wp:quote -->\n\n<!--nextpage-->\n\n" . p('Page three. ' . para(112) . ' <a href="https://example.org/page-three-link">a link on page three</a>.'),
    ['tags_input' => ['paged']]);
thread($np, [2, 1, 3], 'Paged');
$np2 = post('Two pages, no comments', p('First half. ' . para(113)) . "<!--nextpage-->\n\n" . p('Second half. ' . para(114)));

// 16: password protected.
$pw = post('A protected post', p('The secret body. ' . para(120)), ['post_password' => 'open-sesame']);
comment($pw, 0, 'Anna', 'A comment behind the password. ' . sentence(121));

// 17-19: non-ASCII titles, edited after publication, comments closed.
$tk = post('東京の夜と朝', p('東京の夜は静かです。朝は早い。') . p(para(130)), ['tags_input' => ['日本']]);
comment($tk, 0, 'Hana 花子', 'とても良い記事です。' . sentence(131));
$ed = post('Edited after publication', p('Original text. ' . para(140)));
wp_update_post(['ID' => $ed, 'post_content' => p('Corrected text. ' . para(140)) . p('Update: a paragraph added later. ' . para(141))]);
$closed = post('Comments closed here', p(para(150)), ['comment_status' => 'closed']);

// 20-24: plain posts, some with a few comments, a blockquote and a cite.
for ($i = 0; $i < 5; $i++) {
    $body = p(para(160 + $i)) . ($i == 2 ? "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>" . sentence(170) . "</p><cite><a href=\"https://example.org/source\">The Source</a></cite></blockquote>\n<!-- /wp:quote -->\n\n" : '') . p(para(180 + $i));
    $id = post("Plain post " . ($i + 1) . ($i == 3 ? ' — with an em dash & ampersand' : ''), $body,
        ['tags_input' => $i % 2 ? ['plain', 'misc'] : []]);
    for ($k = 0; $k < $i; $k++) { comment($id, 0, $names[($i + $k) % 12], "Plain comment $k. " . sentence(190 + $k)); }
}
echo json_encode(['posts' => $day, 'comments' => $cid]), "\n";
