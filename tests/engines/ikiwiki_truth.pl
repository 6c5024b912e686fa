#!/usr/bin/perl
# What ikiwiki itself made of the test blog, as JSON on stdout: read back from its indexdb
# (the Storable file `ikiwiki --setup` leaves in srcdir/.ikiwiki) with ikiwiki's own modules,
# never through blog-archiver's parser. Each post's and comment's HTML is rendered again by
# ikiwiki's pipeline (filter, preprocess, linkify, htmlize, sanitize), as its render does.
#
#   perl ikiwiki_truth.pl SETUP
use warnings;
use strict;
no lib '.';
use IkiWiki;
use IkiWiki::Setup;
use JSON::PP;
use Encode qw(decode_utf8);

my $setup = shift or die "usage: $0 SETUP\n";
%config = IkiWiki::defaultconfig();
IkiWiki::Setup::load($setup);
IkiWiki::loadplugins();
IkiWiki::checkconfig();
IkiWiki::loadindex() or die "no indexdb: build the wiki first\n";

sub content {
	my $page = shift;
	my $file = $pagesources{$page};
	my $type = pagetype($file);
	my $c = readfile(srcfile($file));
	$c = IkiWiki::filter($page, $page, $c);
	$c = IkiWiki::preprocess($page, $page, $c);
	$c = IkiWiki::linkify($page, $page, $c);
	$c = IkiWiki::htmlize($page, $page, $type, $c);
	return $c;
}

# Page names and [[!meta]] values come back from the indexdb as characters (3.2020); a byte
# string (an older index) would be decoded here, so that everything goes out as characters.
sub txt {
	my $s = shift;
	return $s if ! defined $s || utf8::is_utf8($s);
	return decode_utf8($s);
}

sub iso {
	my $t = shift;
	return undef unless defined $t;
	my @g = gmtime($t);
	return sprintf("%04d-%02d-%02dT%02d:%02d:%02d+00:00",
		$g[5] + 1900, $g[4] + 1, $g[3], $g[2], $g[1], $g[0]);
}

my @posts;
for my $page (sort keys %pagesources) {
	next unless $page =~ m{^posts/[^/]+$} && pagetype($pagesources{$page});
	my $meta = $pagestate{$page}{meta} || {};
	my @comments;
	for my $c (sort keys %pagesources) {
		next unless $c =~ m{^\Q$page\E/comment_\d+_};
		my $cm = $pagestate{$c}{meta} || {};
		push @comments, {
			page => $c,
			id => IkiWiki::Plugin::comments::page_to_id($c),
			url => txt($cm->{permalink}),
			title => txt($cm->{title}),
			author => txt($cm->{author}),
			authorurl => txt($cm->{authorurl}),
			published => iso($IkiWiki::pagectime{$c}),
			html => content($c),
		};
	}
	@comments = sort { $a->{published} cmp $b->{published} } @comments;
	my @tags = map { txt(IkiWiki::basename($_)) } sort keys %{$typedlinks{$page}{tag} || {}};
	push @posts, {
		page => $page,
		url => txt(urlto($page, undef, 1)),
		title => txt($meta->{title} // IkiWiki::pagetitle(IkiWiki::basename($page))),
		author => txt($meta->{author}),
		published => iso($IkiWiki::pagectime{$page}),
		updated => iso($meta->{updated}),
		modified => iso($IkiWiki::pagemtime{$page}),
		tags => \@tags,
		html => content($page),
		comments => \@comments,
	};
}
# Wiki pages besides the posts; a listing is one whose source inlines other pages (index,
# posts archive, tag pages, month archives, "Recent comments"): never a record.
my (@pages, @listings);
for my $page (sort keys %pagesources) {
	next if $page =~ m{^posts/} || ! pagetype($pagesources{$page});
	my $source = readfile(srcfile($pagesources{$page}));
	my $lists = $source =~ /(?<!\\)\[\[!inline\b/;
	push @{$lists ? \@listings : \@pages}, txt(urlto($page, undef, 1));
}
binmode(STDOUT, ":raw");  # IkiWiki.pm turned on :utf8 for every std handle
print JSON::PP->new->canonical->utf8->encode({
	version => $IkiWiki::version,
	wikiname => txt($config{wikiname}),
	posts => \@posts,
	pages => \@pages,
	listings => \@listings,
});
