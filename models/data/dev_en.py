"""English dev utterances, written by hand by the qa team (2026-11), separately from the training lists.

Every line here is in the ``dev`` split; nothing here is a translation or paraphrase of a line in
``sentences_*.py``, and no training line may paraphrase one of these (``build_data`` checks for
near-duplicates). Same format and labelling rules as ``sentences_en.py`` (see ``README.md``).
Several scenarios on purpose come from domains the training lists do not cover (hotels, car hire,
insurance, gyms, pharmacies, ride-hailing, streaming), so the split measures transfer too.
"""

RAW = r"""
# ---- empathy ----
E|a|Having your holiday car hire fall through at the airport desk must have been really stressful.
E|a|I can hear how worried you are about the insurance claim, especially with the repairs already started.
E|a|Coming home to a flooded kitchen and then waiting a week for an assessor is a lot to deal with.
E|a|It's understandable you're upset, you booked that room months in advance for your anniversary.
E|a|I imagine it's been really unsettling not knowing whether your prescription would arrive in time.
E|a|That sounds exhausting, being passed between three departments in one afternoon.
E|a|I completely understand why you'd feel ignored after emailing us five times with no reply.
E|a|You were relying on that car to get to work, so I can see why this has thrown your whole week.
E|a|It must be really annoying to keep paying for a gym you haven't been able to use since March.
E|a|I get it, when you pay for the premium plan you expect it to actually work at the weekend.
E|a|Finding out about an overdraft fee from a text on your day off is a horrible surprise.
E|c|You must be tired of hearing complaints about this all day, I do understand.
# ---- empathy + apology ----
EA|a|I'm really sorry, I know you'd planned the whole weekend around that delivery.
EA|a|That must have been so frustrating at the check-in desk, and I apologise that our booking system let you down.
EA|a|I can only imagine how that felt, and I'm sorry the driver spoke to you that way.
EA|a|I'm sorry you've had to chase this for a month, that's draining and it shouldn't have happened.
EA|a|Being charged for a cancelled membership would annoy anyone, and I'm very sorry we did that.
# ---- empathy + vague resolution ----
EV|a|I know how much you need the car this week, so let me see what I can arrange.
EV|a|That sounds like a really stressful start to your trip, we'll do what we can to sort it out.
EV|a|I understand how worrying it is to be without your medication, I'll get this looked at.
# ---- apology ----
A|a|I'm sorry, we should have told you the pool would be closed during your stay.
A|a|Apologies, that renewal email should never have been sent to you.
A|a|That was a mistake on our part and I'm sorry about it.
A|a|I'm sorry, the pharmacist should have checked the dosage before it went out.
A|a|Please accept my apology for the way the driver behaved.
A|a|Sorry, I gave you the wrong opening hours earlier in the call.
A|a|We let you down with this booking, and I apologise.
A|a|I'm sorry our app charged you twice for the same ride.
A|c|Sorry, I think that was my fault, I booked the wrong dates.
A|c|Apologies, I gave you my old email address a minute ago.
# ---- apology + specific resolution ----
AS|a|I'm sorry about that, I've refunded the £12.99 to your card and it will show within three days.
AS|a|Apologies for the wait, I've booked a replacement car for you at the downtown branch for 9am tomorrow.
AS|a|My mistake, sorry — I've corrected the booking to the 14th and the new confirmation is in your inbox now.
AS|a|I do apologise; a courier will collect the wrong sofa on Friday between 8 and 12.
# ---- apology + vague resolution ----
AV|a|I'm sorry for the trouble, I'll pass it to the claims team to review.
AV|a|Sorry about that, we'll try to get the refund moving.
AV|a|I apologise, leave it with me and I'll see what can be done.
# ---- specific resolution ----
S|a|I've cancelled your membership with effect from today and refunded last month's £35 fee.
S|a|Your replacement prescription goes out by tracked courier this afternoon and will reach you tomorrow before noon.
S|a|I've upgraded you to a sea-view suite for all three nights at no extra charge.
S|a|The assessor, Mr Patel, will visit your home on Tuesday at 10am to inspect the damage.
S|a|I'm crediting 500 loyalty points to your account right now, you'll see them when you refresh the app.
S|a|I've waived the late return fee of $40, so your final invoice comes to $120.
S|a|I'll call you back personally at 3pm tomorrow with the result of the investigation.
S|a|A technician will replace your phone screen free of charge at our Kingsway store on Saturday morning.
S|a|I've reversed the overdraft fee and added a £10 goodwill payment, both on your account by tonight.
S|a|We'll collect the faulty washing machine on Monday and install the new one on the same visit.
S|a|I've extended your streaming subscription by one month free, starting from today.
S|a|I'm escalating this to our customer relations manager, Anna Berg, who will email you by Thursday.
S|a|A new pair in the correct size goes out by next-day delivery, and the return label is in the email I've just sent.
S|c|If you can get the refund to me by Monday, that would settle it.
# ---- vague resolution ----
V|a|I'll speak to someone about your claim.
V|a|We'll see what we can do about the room.
V|a|Someone from the store should be in touch.
V|a|I'll try to get you some sort of discount.
V|a|Let me look into what happened with the booking and get back to you.
V|a|We'll have the car checked at some point.
V|a|I'll put in a request for compensation.
V|a|The team will go through your account and sort it out.
V|a|I'll see if there's anything we can offer you.
V|a|We'll get this fixed for you, I promise.
V|a|I'll raise a complaint about the driver.
V|a|Hopefully we can get the charge removed.
V|a|I'll ask my team leader what we can do.
V|c|Can someone at least check what went wrong?
CV|a|Most people can reset it themselves, but fine, I'll get someone to look at it.
# ---- arguing ----
R|a|That's not correct, the room was cleaned before you checked in.
R|a|You must have left the lights on, the battery doesn't drain by itself.
R|a|It's not our problem that the hotel overbooked, you booked through a third-party site.
R|a|No, our pharmacist never said that.
R|a|You cancelled after the cut-off, so the fee stands.
R|a|The car had that dent when you collected it, it's on the form you signed.
R|a|If you'd told us about the allergy when you ordered, this wouldn't have happened.
R|a|I don't see why you're upset, the claim is still within the normal timeframe.
R|a|Your own photos show the crack was there before the repair, so that's not on us.
R|a|There's nothing wrong with the app, it's your phone.
R|c|That's not what I was told, your colleague promised a full refund.
R|c|No, I did not cancel it, you cancelled it.
R|c|Don't blame the weather, the other airlines were flying.
R|c|I never signed anything about a cleaning fee, so don't say I agreed to it.
# ---- arguing + condescension ----
RC|a|It's not that difficult, you just had to read the confirmation email like everyone else.
RC|a|You obviously didn't check the dates, which, honestly, most people manage to do.
RC|a|We didn't do anything wrong; maybe read the rental agreement before signing it next time.
RC|a|If you'd listened the first time, sir, you'd know the gym was closed for repairs.
RC|a|The machine works fine, people just need to follow the instructions, it's not rocket science.
RC|c|You clearly have no idea what you're talking about, I paid that invoice weeks ago.
# ---- condescension ----
C|a|Next time maybe check the booking before you travel.
C|a|You're quite lucky we're giving you anything at all.
C|a|There, it's working. It just needed charging, believe it or not.
C|a|I'll make an exception this time, but I wouldn't expect it again.
C|a|I'll go through it step by step, since it seems to be a struggle.
C|a|I'd have thought that was fairly obvious, but okay.
C|a|Honestly, a child could use this app.
C|a|Remember to read the small print in future, it's there for a reason.
C|a|I've bent the rules for you, so I hope you appreciate it.
C|a|Some customers just aren't very technical, and that's fine.
C|c|Oh, brilliant, another genius on the phone.
C|c|Do they train you at all, or do you just make it up as you go along?
CS|a|I've refunded the booking, though strictly speaking we didn't have to.
CS|a|Fine, a new charger goes out today, but please try not to lose this one.
# ---- backchannel ----
B|a|Mm-hm, okay.
B|a|Right, sure.
B|a|I see, go on.
B|a|Sure, yeah.
B|a|Oh, I see what happened.
B|a|Yes, got it.
B|a|Uh-huh, right.
B|a|Okay, that's clear.
B|a|Mhm.
B|a|Right, I follow.
B|a|Yes, carry on.
B|a|Ah, right, okay.
B|a|Sure, I'm with you.
B|a|Okay, yep.
B|a|Mm, right.
B|a|Yes, absolutely.
B|c|Mm-hm, yes.
B|c|Yeah, okay, sure.
B|c|Right, fine.
B|c|Yes, I'm here.
# ---- neutral ----
-|a|Good afternoon, you're through to Coastline Hotels, this is Grace.
-|a|Could I have your booking reference, please?
-|a|What's the registration number of the vehicle?
-|a|Can you confirm your date of birth for me?
-|a|When did you last use the gym?
-|a|Which pharmacy branch did you order from?
-|a|I'll just pull up the claim on my screen.
-|a|Is the email address ending in gmail dot com still correct?
-|a|How long has the screen been flickering?
-|a|Could you hold for a moment while I check with the warehouse?
-|a|That's the page loaded now.
-|a|I can see two payments on the account this month.
-|a|The booking was made on the 3rd for three nights.
-|a|Do you still have the original packaging?
-|a|What time was the ride booked for?
-|a|Before I let you go, is there anything else on the account?
-|a|Take care, and thanks for your time today.
-|a|Can I take a contact number in case we get cut off?
-|c|I'm calling about a charge on my credit card.
-|c|The booking reference is HX4471.
-|c|It happened on Saturday evening.
-|c|I've been a member for about three years.
-|c|The screen just went black while I was using it.
-|c|What do I need to do next?
-|c|Thanks, goodbye.
# ---- hard negatives ----
-|a|Oh dear, that's no good. What's the name on the account?|formulaic opener before the complaint was heard, not empathy
-|a|Sorry, you cut out for a second there, what was the last part?|"sorry" about the line, not an apology
-|a|Sorry, could you spell the street name for me?|clarification politeness, not an apology
-|a|Sorry, bear with me while I load the booking.|hold politeness, not an apology
-|c|Sorry, but I've paid for a service I'm not getting.|customer's "sorry, but" softener, no responsibility taken
-|c|I'm so angry, this was supposed to be a relaxing weekend.|customer's own feelings, not empathy
-|c|This has completely wrecked my plans for the week.|customer describing their own situation, not empathy
-|a|Our cancellation policy requires 48 hours' notice for a refund.|policy recitation, not a resolution; calm, not arguing
-|a|I'm afraid there's nothing more I can do from here.|"nothing I can do" is not a resolution
-|a|You'd have to take that up with the hotel directly.|passing the customer on, not a resolution
-|a|Windscreen claims are handled by our partner company, I can give you their number.|passing the customer on, not a resolution; calm, not arguing
-|a|The claims team is closed at weekends, so I can't approve it today.|refusal without a remedy, not a resolution
-|a|I'm not sure what happened there, I'd need to ask.|uncertain reply, no remedy offered
-|a|The charge is the standard refuelling fee, because the tank came back a quarter full.|calm explanation of a charge, not arguing
-|a|The system marked the order delivered at 4:50, which I know doesn't match what you saw.|calm fact that accepts the customer's position, not arguing
-|a|You're right, the website should have shown the resort fee at checkout.|agreeing with the customer, not arguing
-|a|The price changed on the 1st, and your plan moved with it.|calm statement of fact, not arguing
-|a|Just so you know, refunds to credit cards can take up to ten working days.|useful caveat, not condescension
-|a|If it's easier next time, you can book the repair straight from the app.|helpful tip without blame, not condescension
-|a|Thank you for being so patient with me today.|sincere courtesy, not sarcasm
-|a|Thanks for explaining all that so clearly.|sincere courtesy, not condescension
-|c|Oh wonderful, so I'll be without a car all week then.|customer venting sarcasm at the situation, not a remark aimed at the agent
-|c|Great, another form to fill in.|customer sarcasm about the process, not condescension
-|a|Right, so the reason the app logged you out is that the password was reset on Monday.|starts with "right" but takes the floor with an explanation, not a backchannel
-|a|Okay, so I'll need the registration number and the date of the accident.|starts with "okay" but takes the floor, not a backchannel
-|a|Yes, I can see your booking, it's for two adults on the 12th.|starts with "yes" but gives information, not a backchannel
-|c|Okay, but why was I charged twice?|starts with "okay" but takes the floor with a question, not a backchannel
-|a|I understand, but I'll need the booking reference before I can look at it.|"I understand" as a turn opener before a request, acknowledges no feeling: not empathy
-|a|We get quite a few calls about this model.|statement about frequency, not empathy
-|a|Perfect, that matches what I have here.|confirms the details and takes the floor, not a backchannel
-|a|Is the power cable plugged into the wall socket at the moment?|genuine diagnostic question, not a challenge: not arguing
"""
