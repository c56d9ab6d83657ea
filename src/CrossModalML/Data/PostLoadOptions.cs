namespace CrossModalML.Data;

/// <summary>How <see cref="PostDatasetLoader"/> reads a post file and decides what its columns mean.</summary>
/// <remarks>
/// <para>Every column that is not the label and not overridden gets a role from these rules, first match wins:</para>
/// <list type="number">
/// <item><description>A name containing <c>label</c>, <c>target</c>, <c>class</c> or <c>fold</c> is
/// <see cref="ColumnRole.Ignore"/> with a warning: it looks like another label or a split column, and learning from it
/// would leak the answer (MVSA's <c>text_label</c> and <c>image_label</c> are examples).</description></item>
/// <item><description>Names are compared in lower case with <c>_</c>, <c>-</c> and spaces removed.
/// <c>id</c>, <c>post_id</c>, <c>tweet_id</c>, <c>status_id</c>, <c>message_id</c> make the first such column
/// <see cref="ColumnRole.Id"/>; <c>user</c>, <c>user_id</c>, <c>author</c>, <c>author_id</c>, <c>username</c>,
/// <c>user_name</c>, <c>screen_name</c> make the first such column <see cref="ColumnRole.User"/>. A second id or user
/// column is <see cref="ColumnRole.Ignore"/>.</description></item>
/// <item><description><c>timestamp</c>, <c>time</c>, <c>date</c>, <c>created_at</c>, <c>datetime</c> are
/// <see cref="ColumnRole.Timestamp"/>; <c>image</c>, <c>img</c>, <c>photo</c>, <c>picture</c>, <c>image_path</c>,
/// <c>media</c> are <see cref="ColumnRole.Image"/>.</description></item>
/// <item><description>Any other name whose last word is <c>id</c> or <c>ids</c> (<c>image_ids</c>, <c>groupId</c>) is
/// <see cref="ColumnRole.Ignore"/>: a second identifier.</description></item>
/// <item><description>A column with no values at all is <see cref="ColumnRole.Ignore"/>.</description></item>
/// <item><description>If every non-empty value ends in <c>.jpg</c>, <c>.jpeg</c>, <c>.png</c>, <c>.gif</c>, <c>.bmp</c>
/// or <c>.webp</c>: <see cref="ColumnRole.Image"/>. If every non-empty value is an ISO-8601 date or date-time:
/// <see cref="ColumnRole.Timestamp"/>. If every non-empty value is an invariant-culture number or a missing-number
/// marker (<c>NaN</c>, <c>Inf</c>, <c>Infinity</c>, <c>NA</c>, <c>N/A</c>, <c>null</c>, in any case; read as missing):
/// <see cref="ColumnRole.Numeric"/>. A column of at least 5 numbers in which at most 10% of the other values are stray
/// words is <see cref="ColumnRole.Numeric"/> too: the stray values are read as missing, and the report warns with the
/// column, their count and examples (line and value). Override the role to change either outcome.</description></item>
/// <item><description>Few distinct values: <see cref="ColumnRole.Categorical"/> when there are at most 50 distinct
/// values and each repeats at least twice on average, or at most 1000 distinct values that repeat at least 20 times
/// on average.</description></item>
/// <item><description>Long or space-rich values: <see cref="ColumnRole.Text"/> when the values average at least 20
/// characters or at least 30% of them contain whitespace.</description></item>
/// <item><description>Otherwise (many distinct short values without spaces, such as codes or a second id):
/// <see cref="ColumnRole.Ignore"/>, with a note; override it to <see cref="ColumnRole.Categorical"/> to use it.</description></item>
/// </list>
/// <para>The <see cref="DataLoadReport.RoleDecisions"/> of the loaded data set record each column's role and why.</para>
/// </remarks>
public sealed class PostLoadOptions
{
    /// <summary>The column to predict. Required for training; leave <see langword="null"/> to load posts without a
    /// label (then <see cref="PostDataset.Task"/> is <see cref="TaskKind.Auto"/> and no rows are skipped for a missing label).</summary>
    public string? LabelColumn { get; set; }

    /// <summary>The kind of prediction. <see cref="TaskKind.Auto"/> (the default) infers it from the label: text labels
    /// with two distinct values are <see cref="TaskKind.Binary"/>, with three or more <see cref="TaskKind.Multiclass"/>;
    /// numeric labels with at most 10 distinct integer values are classified the same way, other numeric labels are
    /// <see cref="TaskKind.Regression"/>.</summary>
    public TaskKind Task { get; set; } = TaskKind.Auto;

    /// <summary>Roles to use instead of the inferred ones, by exact column name. A name that is not a column is an error
    /// that lists the columns. Only <see cref="LabelColumn"/> may be given <see cref="ColumnRole.Label"/>.</summary>
    public IDictionary<string, ColumnRole> RoleOverrides { get; set; } = new Dictionary<string, ColumnRole>(StringComparer.Ordinal);

    /// <summary>The file's layout; <see cref="PostFileFormat.Auto"/> (the default) chooses by extension.</summary>
    public PostFileFormat Format { get; set; } = PostFileFormat.Auto;

    /// <summary>Whether double quotes delimit fields. <see langword="null"/> (the default) means off for TSV, as in the
    /// shared data sets whose texts contain unbalanced quotes, and on for CSV (RFC 4180). JSON Lines ignores it.</summary>
    public bool? AllowQuoting { get; set; }

    /// <summary>When <see langword="true"/>, a missing or undecodable image file is an error, and every image is decoded
    /// in full so that a truncated file is found too. When <see langword="false"/> (the default), only the file's header
    /// is checked, and a row whose image is missing or undecodable is kept with an empty image path, meaning the post's
    /// image modality is missing, and the report counts it as a warning.</summary>
    public bool StrictImages { get; set; }

    /// <summary>When set, every image path in the file must lie inside this directory once every symbolic link on it is
    /// resolved (a link to a directory elsewhere counts as elsewhere). A path outside it is an error naming the row and
    /// column, found before the file is opened. Default <see langword="null"/>: any path. Set it when the data file comes
    /// from someone else.</summary>
    public string? AllowedImageRoot { get; set; }

    /// <summary>The most pixels (width × height) an image may have, read from its header before it is decoded. A larger
    /// image is treated like an undecodable one (a warning, or an error with <see cref="StrictImages"/>), and the message
    /// names the file and its dimensions. Default 40,000,000 (40 megapixels); must be at least 1.</summary>
    public long MaxImagePixels { get; set; } = ImageFileGate.DefaultMaxPixels;

    /// <summary>A copy of these options with the given image root and pixel limit.</summary>
    internal PostLoadOptions WithImageLimits(string? allowedImageRoot, long maxImagePixels)
    {
        var copy = (PostLoadOptions)MemberwiseClone();
        copy.AllowedImageRoot = allowedImageRoot;
        copy.MaxImagePixels = maxImagePixels;
        return copy;
    }

    /// <summary>Checks the image settings and makes the gate that applies them.</summary>
    internal ImageFileGate CreateImageGate()
    {
        if (MaxImagePixels < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxImagePixels), MaxImagePixels, $"PostLoadOptions.MaxImagePixels must be at least 1, got {MaxImagePixels}.");
        }

        if (AllowedImageRoot is not null && !Directory.Exists(AllowedImageRoot))
        {
            throw new DirectoryNotFoundException($"PostLoadOptions.AllowedImageRoot '{AllowedImageRoot}' is not an existing directory.");
        }

        return new ImageFileGate(AllowedImageRoot, MaxImagePixels);
    }
}
