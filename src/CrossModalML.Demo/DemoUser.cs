namespace CrossModalML.Demo;

/// <summary>A user of the demo data set as the generator planted it.</summary>
/// <param name="Id">The user's identifier as written to the <c>user_id</c> column (<c>u001</c>, <c>u002</c>, …).</param>
/// <param name="Type">The planted behaviour type.</param>
/// <param name="ActivityRank">
/// The user's activity rank, 1 for the most active. The user's share of posts is proportional to <c>1 / (rank + 10)</c>.
/// </param>
/// <param name="PostCount">How many posts of the generated set this user wrote.</param>
/// <param name="Friends">The users this user mentions most often (their <c>@</c> mentions favour these).</param>
public sealed record DemoUser(string Id, DemoUserType Type, int ActivityRank, int PostCount, IReadOnlyList<string> Friends);
