namespace ChatOps.Web.Components.Dashboard;

/// <summary>The room a dashboard page works on, cascaded from the page to its parts; <see cref="Name"/> is a room's name.</summary>
public sealed record SelectedRoom(string Name);
