namespace CrossModalML.Analysis.Retrieval;

/// <summary>One text query of a retrieval gallery, with the thumbnails its page shows.</summary>
/// <param name="Title">The query's heading, e.g. "Query 2: the text of post 657".</param>
/// <param name="Text">The query text as shown (mentions replaced), or <see langword="null"/> when the title holds it.</param>
/// <param name="OwnThumbnail">The thumbnail file of the query post's own image, or <see langword="null"/>.</param>
/// <param name="Hits">The image hits, best first.</param>
internal sealed record GalleryQuery(string Title, string? Text, string? OwnThumbnail, IReadOnlyList<GalleryHit> Hits);

/// <summary>One image hit of a gallery query.</summary>
/// <param name="Rank">1 for the best hit.</param>
/// <param name="IsOwnImage">Whether the hit is the query post's own image.</param>
/// <param name="Thumbnail">The thumbnail file beside the report, or <see langword="null"/> when the image is missing.</param>
/// <param name="Id">The hit's post id.</param>
/// <param name="Score">Its cosine in the shared space.</param>
/// <param name="Text">An excerpt of the hit post's text, as shown (mentions replaced).</param>
internal sealed record GalleryHit(int Rank, bool IsOwnImage, string? Thumbnail, string Id, double Score, string Text);
